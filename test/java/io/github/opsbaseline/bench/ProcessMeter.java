package io.github.opsbaseline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a command and measures its wall time and peak memory: the sum over the process and its
 * descendants (the JVM and jsii's node child) of each one's peak resident set (VmHWM), polled from
 * /proc while they live.
 */
final class ProcessMeter {

    record Measurement(int exitCode, double seconds, long peakKiB, String stderr) { }

    private ProcessMeter() { }

    static Measurement run(List<String> command, Map<String, String> environment, Path workDir)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Path stderr = Files.createTempFile("bench-", ".err");
        builder.redirectError(stderr.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        Map<Long, Long> peaks = new HashMap<>();
        while (process.isAlive()) {
            record(process.toHandle(), peaks);
            process.descendants().forEach(h -> record(h, peaks));
            Thread.sleep(20);
        }
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = peaks.values().stream().mapToLong(Long::longValue).sum();
        return new Measurement(exit, seconds, total, Files.readString(stderr));
    }

    private static void record(ProcessHandle handle, Map<Long, Long> peaks) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(handle.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    peaks.merge(handle.pid(), kib, Math::max);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended between listing and reading: its last reading stands
        }
    }
}
