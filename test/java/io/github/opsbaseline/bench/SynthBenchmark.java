package io.github.opsbaseline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.app.OpsBaselineApp;
import io.github.opsbaseline.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bin/bench [--sizes 10,100,1000] [--runs 3] [--validator on,off]}: synthesizes generated
 * environments of the stated sizes, each run in a fresh JVM like {@code cdk synth}, and reports the
 * median wall time, peak memory, stacks, resources per stack and template bytes, beside the floor
 * of an empty app measured in the same run.
 */
public final class SynthBenchmark {

    /** One size measured. */
    record Row(String what, String validator, double medianSeconds, long peakMiB, int stacks, int maxResources,
               int totalResources, long maxTemplateBytes) { }

    private SynthBenchmark() { }

    public static void main(String[] args) throws Exception {
        int[] sizes = {10, 100};
        int runs = 3;
        List<String> validators = List.of("on", "off");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--validator" -> validators = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: bench [--sizes 10,100,1000] [--runs 3] [--validator on,off]");
            }
        }
        Path configDir = BenchEnvironments.write(ProjectPaths.stacksConfig(), sizes);
        List<Row> rows = new ArrayList<>();
        for (String validator : validators) {
            rows.add(measure("empty app (floor)", validator, runs, EmptyApp.class.getName(), Map.of()));
            for (int n : sizes) {
                rows.add(measure(n + " services", validator, runs, OpsBaselineApp.class.getName(), Map.of(
                        "env", BenchEnvironments.name(n), "configDir", configDir.toString())));
            }
        }
        System.out.println(table(rows));
    }

    static Row measure(String what, String validator, int runs, String mainClass, Map<String, Object> context)
            throws IOException, InterruptedException {
        List<Double> seconds = new ArrayList<>();
        long peak = 0;
        Path outdir = null;
        for (int run = 0; run < runs; run++) {
            outdir = Files.createTempDirectory("bench-out-");
            Map<String, Object> ctx = new TreeMap<>(context);
            ctx.put("aws:cdk:version-reporting", false);
            Map<String, String> env = new TreeMap<>();
            env.put("CDK_CONTEXT_JSON", new ObjectMapper().writeValueAsString(ctx));
            env.put("CDK_OUTDIR", outdir.toString());
            env.put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
            if (validator.equals("off")) {
                env.put("CDK_VALIDATION", "false");
            }
            ProcessMeter.Measurement m = ProcessMeter.run(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), mainClass), env, ProjectPaths.root());
            if (m.exitCode() != 0) {
                throw new IllegalStateException(what + " failed (exit " + m.exitCode() + "):\n" + m.stderr());
            }
            seconds.add(m.seconds());
            peak = Math.max(peak, m.peakKiB());
        }
        seconds.sort(null);
        double median = seconds.get(seconds.size() / 2);
        int stacks = 0;
        int maxResources = 0;
        int total = 0;
        long maxBytes = 0;
        ObjectMapper mapper = new ObjectMapper();
        try (var files = Files.list(outdir)) {
            for (Path template : files.filter(f -> f.toString().endsWith(".template.json")).toList()) {
                JsonNode resources = mapper.readTree(template.toFile()).path("Resources");
                int count = 0;
                for (Iterator<String> it = resources.fieldNames(); it.hasNext(); it.next()) {
                    count++;
                }
                stacks++;
                total += count;
                maxResources = Math.max(maxResources, count);
                maxBytes = Math.max(maxBytes, Files.size(template));
            }
        }
        return new Row(what, validator, median, peak / 1024, stacks, maxResources, total, maxBytes);
    }

    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| synthesized | validator | median wall s | x floor | peak MiB | stacks | resources | max per stack | max template KiB |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Double> floors = new TreeMap<>();
        rows.stream().filter(r -> r.what().startsWith("empty")).forEach(r -> floors.put(r.validator(), r.medianSeconds()));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %d | %d | %d | %d | %.1f |%n", r.what(), r.validator(),
                    r.medianSeconds(), r.medianSeconds() / floors.getOrDefault(r.validator(), r.medianSeconds()), r.peakMiB(),
                    r.stacks(), r.totalResources(), r.maxResources(), r.maxTemplateBytes() / 1024.0));
        }
        return out.toString();
    }
}
