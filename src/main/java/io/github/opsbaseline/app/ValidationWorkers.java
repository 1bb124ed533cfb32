package io.github.opsbaseline.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import software.amazon.awscdk.PolicyValidationStack;
import software.amazon.awscdk.PolicyViolation;

/**
 * The CDK's template validator in several node processes side by side, for environments with many
 * templates. In the synth's own node process the validator runs on one core while the app waits for
 * it, and at 1,000 services it is two thirds of a synth; on the project's two cores, two workers
 * brought a 1,000-service synth from 403 s to 307 s (README, "Validator workers").
 *
 * <p>Each worker is {@code validation-worker.js}: the same {@code CloudFormationValidatePlugin} class
 * of the same aws-cdk-lib release (resolved from the app's working directory, as {@code cdk synth}
 * runs it from the project; another release or none and the worker refuses), over a contiguous run
 * of the templates, so the parts put together list what one call over all of them would. When
 * workers cannot run there (no aws-cdk-lib under the working directory, another version, a worker
 * failing), {@link #validate} says why in one line on stderr and returns empty, and the caller
 * validates in its own process.
 */
final class ValidationWorkers {

    /**
     * Template bytes a worker needs before it pays for itself. A worker spends about 4 s building the
     * rule engine and loading the schemas before its first template and then validates about
     * 0.25 MB/s (100 services: 7.8 MB of templates in 31 s, aws-cdk-lib 2.263 on the project's
     * machine), so a part of 2 MB takes twice that start-up. Below two such parts, no workers.
     */
    static final long MIN_BYTES_PER_WORKER = 2L * 1024 * 1024;

    /** At most this many workers, whatever the cores: each holds 450 to 550 MB. */
    static final int MAX_WORKERS = 4;

    /** The environment variable that caps the workers: 0 or 1 validates in the synth's process. */
    static final String SWITCH = "OPS_BASELINE_VALIDATION_WORKERS";

    private static final ObjectMapper JSON = ViolationsJson.JSON;
    private static final String SCRIPT = "validation-worker.js";
    /**
     * The worker's exit code for "not the same aws-cdk-lib here": not a failure; the synth validates in
     * its own process after one line saying what the worker found.
     */
    private static final int OTHER_CDK = 3;

    private final int cores;
    private final long minBytesPerWorker;
    private final Path workingDirectory;
    /** Validations the workers did (not left to the synth's process), for tests and diagnostics. */
    private int runs;

    /**
     * Workers for this machine's cores, or as many as {@value #SWITCH} says, run from the JVM's working
     * directory (where `cdk` runs the app).
     */
    static ValidationWorkers forThisMachine() {
        return new ValidationWorkers(cap(System.getenv(SWITCH), Runtime.getRuntime().availableProcessors()),
                MIN_BYTES_PER_WORKER, Path.of("").toAbsolutePath());
    }

    /** {@code setting} as a number of workers, or {@code cores} when unset; anything else is refused. */
    static int cap(String setting, int cores) {
        if (setting == null || setting.isBlank()) {
            return cores;
        }
        try {
            int n = Integer.parseInt(setting.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, with the value
        }
        throw new IllegalArgumentException(SWITCH + ": expected a number of workers (0 or more), found \""
                + setting + "\"");
    }

    /**
     * @param cores at most this many workers (never more than {@link #MAX_WORKERS})
     * @param minBytesPerWorker template bytes each worker must get, see {@link #MIN_BYTES_PER_WORKER}
     * @param workingDirectory where the workers run and resolve aws-cdk-lib from
     */
    ValidationWorkers(int cores, long minBytesPerWorker, Path workingDirectory) {
        this.cores = cores;
        this.minBytesPerWorker = minBytesPerWorker;
        this.workingDirectory = workingDirectory;
    }

    int runs() {
        return runs;
    }

    /** How many workers templates of {@code totalBytes} get: 0 means validate in process. */
    int count(long totalBytes) {
        int worthIt = (int) Math.min(Integer.MAX_VALUE, totalBytes / minBytesPerWorker);
        int workers = Math.min(Math.min(cores, MAX_WORKERS), worthIt);
        return workers >= 2 ? workers : 0;
    }

    /**
     * {@code items} cut into {@code parts} contiguous runs of about equal size, in order; fewer runs
     * when there are fewer items. The cut falls where the running total first reaches each share.
     */
    static <T> List<List<T>> split(List<T> items, ToLongFunction<T> size, int parts) {
        long total = 0;
        for (T item : items) {
            total += size.applyAsLong(item);
        }
        List<List<T>> runs = new ArrayList<>();
        List<T> run = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < items.size(); i++) {
            run.add(items.get(i));
            sum += size.applyAsLong(items.get(i));
            int left = items.size() - i - 1;
            boolean shareReached = sum * parts >= total * (runs.size() + 1);
            if (runs.size() < parts - 1 && left > 0 && shareReached) {
                runs.add(run);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /**
     * The violations of each of {@code stacks} validated alone, in order, or empty when workers are
     * not worth it for these templates or cannot run here. {@code engineVersion} is the synth's own
     * validator version: a worker reporting another one is not used.
     */
    Optional<List<List<PolicyViolation>>> validate(List<PolicyValidationStack> stacks, String accountId,
            String region, String engineVersion) {
        String cdkVersion = NestedStackValidation.CDK_RELEASE;
        Map<PolicyValidationStack, Long> sizes = new IdentityHashMap<>();
        stacks.forEach(stack -> sizes.put(stack, bytes(stack)));
        int workers = count(sizes.values().stream().mapToLong(Long::longValue).sum());
        if (workers == 0 || cdkVersion == null) {
            return Optional.empty();
        }
        List<Worker> started = new ArrayList<>();
        try {
            for (List<PolicyValidationStack> part : split(stacks, sizes::get, workers)) {
                started.add(Worker.start(workingDirectory, request(part, cdkVersion, accountId, region)));
            }
            List<List<PolicyViolation>> parts = new ArrayList<>();
            for (Worker worker : started) {
                Optional<JsonNode> answer = worker.answer();
                if (answer.isEmpty()) {
                    // Said once, not per worker: they all resolve the same directory.
                    System.err.println("template validator workers not used (" + worker.refusal()
                            + "); validating in the synth's process. aws-cdk-lib " + cdkVersion
                            + " in the node_modules of " + workingDirectory + " lets " + workers
                            + " workers validate side by side");
                    return Optional.empty();
                }
                if (!engineVersion.equals(answer.get().path("engineVersion").asText())) {
                    System.err.println("template validator workers run rule engine "
                            + answer.get().path("engineVersion").asText() + ", the synth " + engineVersion
                            + "; validating in the synth's process");
                    return Optional.empty();
                }
                for (JsonNode report : answer.get().path("reports")) {
                    parts.add(ViolationsJson.read(report.path("violations"), null));
                }
            }
            if (parts.size() != stacks.size()) {
                throw new IOException("the workers reported " + parts.size() + " templates of " + stacks.size());
            }
            runs++;
            return Optional.of(parts);
        } catch (IOException e) {
            System.err.println("template validator workers failed (" + e.getMessage()
                    + "); validating in the synth's process");
            return Optional.empty();
        } finally {
            started.forEach(Worker::stop);
        }
    }

    private static long bytes(PolicyValidationStack stack) {
        try {
            return Files.size(Path.of(stack.getTemplatePath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] request(List<PolicyValidationStack> part, String cdkVersion, String accountId,
            String region) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("cdkVersion", cdkVersion);
        if (accountId != null) {
            request.put("accountId", accountId);
        }
        if (region != null) {
            request.put("region", region);
        }
        ArrayNode list = request.putArray("stacks");
        for (PolicyValidationStack stack : part) {
            list.addObject().put("stackConstructPath", stack.getStackConstructPath())
                    .put("templatePath", stack.getTemplatePath());
        }
        return JSON.writeValueAsBytes(request);
    }

    /** node's error line ("Error: ...") out of what a failed worker printed, else its first line. */
    static String reason(String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.stream().filter(l -> l.matches("^[A-Za-z]*Error\\b.*")).findFirst().orElse(lines.get(0));
    }

    /** One worker process: its request on stdin, its answer on stdout, its complaints in a file. */
    private record Worker(Process process, Path errors) {

        static Worker start(Path workingDirectory, byte[] request) throws IOException {
            String script;
            try (InputStream in = ValidationWorkers.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IOException(SCRIPT + " is not on the classpath");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String node = Optional.ofNullable(System.getenv("JSII_NODE")).orElse("node");
            Path errors = Files.createTempFile("ops-baseline-validation", ".log");
            Process process;
            try {
                process = new ProcessBuilder(node, "-e", script)
                        .directory(workingDirectory.toFile())
                        .redirectError(errors.toFile())
                        .start();
            } catch (IOException e) {
                Files.deleteIfExists(errors);
                throw e;
            }
            Worker worker = new Worker(process, errors);
            try (OutputStream in = process.getOutputStream()) {
                in.write(request);
            } catch (IOException e) {
                worker.stop();
                throw e;
            }
            return worker;
        }

        /** The worker's answer; empty when it refused because this is not the synth's aws-cdk-lib. */
        Optional<JsonNode> answer() throws IOException {
            byte[] out;
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readAllBytes();
            }
            int exit;
            try {
                exit = process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (exit == OTHER_CDK) {
                return Optional.empty();
            }
            if (exit != 0) {
                String why = Files.readString(errors).strip();
                throw new IOException("a worker exited with " + exit + (why.isEmpty() ? "" : ": " + reason(why)));
            }
            return Optional.of(JSON.readTree(out));
        }

        /** Why a worker refused to run here, as it said it. */
        String refusal() throws IOException {
            String said = Files.readString(errors).strip();
            return said.isEmpty() ? "a worker found no aws-cdk-lib of the synth's release" : reason(said);
        }

        void stop() {
            process.destroy();
            try {
                Files.deleteIfExists(errors);
            } catch (IOException e) {
                // a temporary file left behind is not worth failing a synth for
            }
        }

    }
}
