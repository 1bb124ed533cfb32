package io.github.opsbaseline.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import software.amazon.awscdk.PolicyValidationStack;
import software.amazon.awscdk.PolicyViolation;

/**
 * The CDK's template validator in node processes of its own: several side by side for environments
 * with many templates, and one started with the JVM for any. In the synth's own node process the
 * validator runs on one core while the app waits for it, and at 1,000 services it is two thirds of
 * a synth; on the project's two cores, two workers brought a 1,000-service synth from 403 s to 307
 * s (README, "Validator workers").
 *
 * <p>Each worker is {@code validation-worker.js}: the same {@code CloudFormationValidatePlugin} class
 * of the same aws-cdk-lib release (resolved from the app's working directory, as {@code cdk synth}
 * runs it from the project; another release or none and the worker refuses), over a contiguous run
 * of the templates, so the parts put together list what one call over all of them would. When
 * workers cannot run there (no aws-cdk-lib under the working directory, another version, a worker
 * failing), {@link #validate} says why in one line on stderr and returns empty, and the caller
 * validates in its own process.
 *
 * <p>The app started by {@code bin/app} also starts one worker with the JVM ({@link #prestart}), which
 * builds its rule engine while the app builds its stacks and then validates any templates, a small
 * environment's too. Workers run niced, so the app's construction keeps the cores it needs.
 */
final class ValidationWorkers {

    /**
     * Template bytes a worker needs before it pays for itself. A worker spends about 2.2 s building the
     * rule engine and loading the schemas before its first template (single-threaded; 4.4 s before)
     * and then validates about 0.4 MB/s (100 services: 7.8 MB of templates in 16 to 17 s,
     * aws-cdk-lib 2.263 on the project's machine), so a part of 2 MB takes about twice that start-up.
     * Below two such parts, no workers start for a synth's templates (a worker started with the JVM,
     * {@link #prestart}, takes any).
     */
    static final long MIN_BYTES_PER_WORKER = 2L * 1024 * 1024;

    /** At most this many workers, whatever the cores: each holds 450 to 550 MB. */
    static final int MAX_WORKERS = 4;

    /**
     * The environment variable that caps the workers: 0 validates in the synth's process; 1 is only
     * the worker started with the JVM, where one is.
     */
    static final String SWITCH = "OPS_BASELINE_VALIDATION_WORKERS";

    private static final ObjectMapper JSON = ViolationsJson.JSON;
    private static final String SCRIPT = "validation-worker.js";
    /**
     * The worker's exit code for "not the same aws-cdk-lib here": not a failure; the synth validates in
     * its own process after one line saying what the worker found.
     */
    private static final int OTHER_CDK = 3;
    /**
     * V8 without its background threads (compilers, concurrent GC) in a worker: on the project's two
     * cores they made a worker's start-up slower, not faster, and fought the synth and the other
     * workers for the cores. Building the engine and loading its schemas took 2.2 s instead of 4.4 s
     * (6.4 s of CPU instead of 11.1 s for the whole of prod's validation); two workers side by side
     * over the halves of 100 services' templates took 17.5 s instead of 24.5 s (node 20, the same
     * plugin, bench of 2026-11-24).
     */
    private static final String SINGLE_THREADED = "--single-threaded";
    /** How a worker learns the synth's aws-cdk-lib release, before it loads any. */
    private static final String RELEASE_VARIABLE = "OPS_BASELINE_CDK_RELEASE";
    /** Where a worker writes the template of its warm-up: in its directory, which the synth removes. */
    private static final String WARM_UP_VARIABLE = "OPS_BASELINE_WARM_UP_TEMPLATE";
    /** A worker's stderr, in its directory. */
    private static final String ERRORS = "errors.log";

    /**
     * How long the synth waits for a worker before it stops it and validates in its own process, so
     * a stuck worker (a hung node, an engine in a loop) cannot hang a synth: at most {@code ready} for
     * the ready lines, from when the synth first needs them, and for each answer {@code answer} plus
     * the time its templates take at {@code bytesPerSecond}, from when its request goes out (the
     * workers answer side by side, so one's deadline does not wait for another's answer).
     */
    record Patience(Duration ready, Duration answer, long bytesPerSecond) {

        Patience {
            if (ready.isNegative() || ready.isZero() || answer.isNegative() || answer.isZero() || bytesPerSecond <= 0) {
                throw new IllegalArgumentException("expected positive deadlines and pace, found " + ready + ", "
                        + answer + ", " + bytesPerSecond + " B/s");
            }
        }

        /** How long an answer over {@code bytes} of templates may take. */
        Duration answer(long bytes) {
            return answer.plusMillis((long) (bytes * 1000.0 / bytesPerSecond));
        }
    }

    /**
     * Far beyond a worker's pace on the project's machine, so that a slow or loaded machine does not
     * give up on a working one: its ready line comes 1 to 3 s after it starts, and it validates about
     * 0.4 MB/s after a warm-up of about 1 s (see {@link #MIN_BYTES_PER_WORKER}), eight times the pace
     * allowed; half of 1,000 services' templates (about 40 MB) gets about 15 minutes, where it takes
     * about 2. Workers run niced: beside other busy processes one may still pass its deadline, and the
     * synth then validates in its own process, slower but the same.
     */
    static final Patience PATIENCE = new Patience(Duration.ofMinutes(5), Duration.ofMinutes(2), 50_000);

    private final int cores;
    private final long minBytesPerWorker;
    private final Path workingDirectory;
    private final Patience patience;
    /** The node the workers run: {@code JSII_NODE} where set, as for jsii's own, else the PATH's. */
    private final String node;
    /** Validations the workers did (not left to the synth's process), for tests and diagnostics. */
    private int runs;
    /** Workers started by {@link #prestart}, waiting for templates; empty once they failed or were closed. */
    private final List<Worker> pool = new ArrayList<>();
    /**
     * Every worker running, the pool's and those started for a call, so that {@link #close} (also at
     * the JVM's end, a Ctrl-C in the middle of a call included) leaves none behind.
     */
    private final List<Worker> live = new ArrayList<>();
    private boolean hooked;
    /** How many workers the last validation used, for tests and diagnostics. */
    private int lastWorkers;
    /**
     * Set when workers refused or failed here, or were closed: the rest of this JVM's synths validate
     * in process, and no worker starts (one started after the JVM's shutdown hook would outlive it).
     */
    private volatile boolean gaveUp;
    /** Set by {@link #close}: a call it cut short says nothing of the workers' failure. */
    private volatile boolean closed;

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
        this(cores, minBytesPerWorker, workingDirectory, PATIENCE);
    }

    /**
     * @param cores at most this many workers (never more than {@link #MAX_WORKERS})
     * @param minBytesPerWorker template bytes each worker must get, see {@link #MIN_BYTES_PER_WORKER}
     * @param workingDirectory where the workers run and resolve aws-cdk-lib from
     * @param patience how long to wait for a worker, {@link #PATIENCE} unless a test says
     */
    ValidationWorkers(int cores, long minBytesPerWorker, Path workingDirectory, Patience patience) {
        this(cores, minBytesPerWorker, workingDirectory, patience,
                Optional.ofNullable(System.getenv("JSII_NODE")).orElse("node"));
    }

    /** The same, running {@code node} (a test's wrapper). */
    ValidationWorkers(int cores, long minBytesPerWorker, Path workingDirectory, Patience patience, String node) {
        this.cores = cores;
        this.minBytesPerWorker = minBytesPerWorker;
        this.workingDirectory = workingDirectory;
        this.patience = patience;
        this.node = node;
    }

    int runs() {
        return runs;
    }

    int lastWorkers() {
        return lastWorkers;
    }

    /**
     * How many workers templates of {@code totalBytes} are worth: 0 means none start for them (the
     * synth's process validates them, or the worker started with the JVM alone).
     */
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
     * Starts one worker before the app builds anything, so it builds its rule engine while the app
     * builds its stacks: the engine and its schemas cost about 2.2 s single-threaded (4.7 s in the
     * synth's own process, which pays them after building). {@link #validate} then uses it for any
     * templates, with more workers beside it when the templates weigh enough. One, not one per core:
     * on the project's two cores prod took 9.8 to 14.0 s with two started with the JVM against 8.2 to
     * 9.5 s with one (the second engine's build took the cores the app's construction needed).
     * Nothing starts when the cap is 0. It stops when the JVM does, or at {@link #close}.
     */
    ValidationWorkers prestart() {
        if (cores == 0 || NestedStackValidation.CDK_RELEASE == null || prestarted()) {
            return this;
        }
        try {
            start(true);
        } catch (IOException e) {
            System.err.println("template validator workers not started (" + e.getMessage()
                    + "); validating in the synth's process");
            giveUp();
        }
        return this;
    }

    /**
     * A new worker, in the pool when {@code pooled}, stopped by {@link #close} at the latest (which the
     * JVM's end calls); one close may not miss, so it joins the lists under their lock.
     */
    private Worker start(boolean pooled) throws IOException {
        synchronized (live) {
            if (gaveUp) {
                throw new IOException("the validator workers were stopped");
            }
            if (!hooked) {
                try {
                    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stop validator workers"));
                } catch (IllegalStateException jvmEnding) {
                    throw new IOException("the JVM is ending", jvmEnding);
                }
                hooked = true;
            }
            Worker worker = Worker.start(workingDirectory, node);
            live.add(worker);
            if (pooled) {
                pool.add(worker);
            }
            return worker;
        }
    }

    /** Whether {@link #prestart} left workers waiting for templates. */
    boolean prestarted() {
        synchronized (live) {
            return !pool.isEmpty();
        }
    }

    /** The rule engine the workers run: its version and the ids of the rules it applies. */
    record Engine(String version, List<String> ruleIds) { }

    /**
     * The rule engine of the started workers, once they have built it (this waits for them); empty
     * when none were started or they cannot run here, having said why on stderr.
     */
    Optional<Engine> engine() {
        List<Worker> started;
        synchronized (live) {
            started = List.copyOf(pool);
        }
        if (started.isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<JsonNode> ready = ready(started);
            if (ready.isEmpty()) {
                giveUp();
                return Optional.empty();
            }
            List<String> ruleIds = new ArrayList<>();
            ready.get().path("ruleIds").forEach(id -> ruleIds.add(id.asText()));
            return Optional.of(new Engine(ready.get().path("engineVersion").asText(), List.copyOf(ruleIds)));
        } catch (IOException e) {
            failed(e);
            giveUp();
            return Optional.empty();
        }
    }

    /**
     * Stops every worker, those started with the JVM and those of a call in progress (which then
     * returns empty, silently: the synth is ending); no more start (the rest of this JVM's synths
     * validate in their own process).
     */
    void close() {
        closed = true;
        giveUp();
    }

    /** After a refusal or failure, or at {@link #close}: stops every worker, and no more start in this JVM. */
    private void giveUp() {
        List<Worker> stopping;
        synchronized (live) {
            gaveUp = true;
            stopping = List.copyOf(live);
            live.clear();
            pool.clear();
        }
        stopping.forEach(Worker::stop);
    }

    private void stop(List<Worker> workers) {
        synchronized (live) {
            live.removeAll(workers);
        }
        workers.forEach(Worker::stop);
    }

    /**
     * The violations of each of {@code stacks} validated alone, in order, or empty when workers are
     * not worth it for these templates or cannot run here. A worker started by {@link #prestart}
     * takes any templates; more start for this call when the templates weigh enough (see
     * {@link #count}). {@code engineVersion} is the synth's own validator version: a worker reporting
     * another one is not used.
     */
    Optional<List<List<PolicyViolation>>> validate(List<PolicyValidationStack> stacks, String accountId,
            String region, String engineVersion) {
        String cdkVersion = NestedStackValidation.CDK_RELEASE;
        Map<PolicyValidationStack, Long> sizes = new IdentityHashMap<>();
        stacks.forEach(stack -> sizes.put(stack, bytes(stack)));
        List<Worker> workers;
        synchronized (live) {
            workers = new ArrayList<>(pool);
        }
        int count = Math.max(workers.size(), count(sizes.values().stream().mapToLong(Long::longValue).sum()));
        if (count == 0 || cdkVersion == null || gaveUp) {
            return Optional.empty();
        }
        List<Worker> own = new ArrayList<>();
        try {
            while (workers.size() < count) {
                Worker worker = start(false);
                own.add(worker);
                workers.add(worker);
            }
            Optional<JsonNode> ready = ready(workers);
            if (ready.isEmpty()) {
                giveUp();
                return Optional.empty();
            }
            String theirs = ready.get().path("engineVersion").asText();
            if (!engineVersion.equals(theirs)) {
                System.err.println("template validator workers run rule engine " + theirs + ", the synth "
                        + engineVersion + "; validating in the synth's process");
                giveUp();
                return Optional.empty();
            }
            List<List<PolicyValidationStack>> parts = split(stacks, sizes::get, workers.size());
            for (int i = 0; i < parts.size(); i++) {
                long bytes = parts.get(i).stream().mapToLong(sizes::get).sum();
                workers.get(i).send(request(parts.get(i), accountId, region), patience.answer(bytes));
            }
            List<List<PolicyViolation>> found = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                found.addAll(findings(workers.get(i).answer()));
            }
            if (found.size() != stacks.size()) {
                throw new IOException("the workers reported " + found.size() + " templates of " + stacks.size());
            }
            runs++;
            lastWorkers = parts.size();
            return Optional.of(found);
        } catch (IOException e) {
            failed(e);
            giveUp();
            return Optional.empty();
        } catch (RuntimeException | Error e) {
            // a worker may hold an answer nobody read: none may serve a later call
            giveUp();
            throw e;
        } finally {
            stop(own);
        }
    }

    /**
     * The violations of each template of a worker's answer, in order. A report without its verdict and
     * violations list is refused, not read as "no findings": a release whose plugin answered otherwise
     * (a promise, say) would otherwise pass every template unchecked.
     */
    private static List<List<PolicyViolation>> findings(JsonNode answer) throws IOException {
        List<List<PolicyViolation>> found = new ArrayList<>();
        for (JsonNode report : answer.path("reports")) {
            if (!report.path("success").isBoolean() || !report.path("violations").isArray()) {
                String shown = report.toString();
                throw new IOException("a worker's report has no verdict and violations list: "
                        + (shown.length() > 80 ? shown.substring(0, 80) + "..." : shown));
            }
            found.add(ViolationsJson.read(report.path("violations"), null));
        }
        return found;
    }

    /**
     * The first worker's ready line once every one of {@code workers} is ready, or empty when one
     * refused because this is not the synth's aws-cdk-lib (said on stderr, once: they all resolve the
     * same directory).
     */
    private Optional<JsonNode> ready(List<Worker> workers) throws IOException {
        JsonNode first = null;
        Deadline deadline = new Deadline(patience.ready());
        for (Worker worker : workers) {
            Optional<JsonNode> ready = worker.ready(deadline);
            if (ready.isEmpty()) {
                System.err.println("template validator workers not used (" + worker.refusal()
                        + "); validating in the synth's process. aws-cdk-lib " + NestedStackValidation.CDK_RELEASE
                        + " in the node_modules of " + workingDirectory + " lets "
                        + (workers.size() == 1 ? "a worker validate beside the synth" : workers.size()
                                + " workers validate side by side"));
                return Optional.empty();
            }
            if (first == null) {
                first = ready.get();
            } else if (!first.path("engineVersion").equals(ready.get().path("engineVersion"))) {
                throw new IOException("the workers run rule engines " + first.path("engineVersion").asText()
                        + " and " + ready.get().path("engineVersion").asText());
            }
        }
        return Optional.ofNullable(first);
    }

    private void failed(IOException e) {
        if (closed) {
            return;
        }
        // one line: a JSON parser's message goes on with the source on a line of its own
        String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        System.err.println("template validator workers failed (" + why + "); validating in the synth's process");
    }

    private static long bytes(PolicyValidationStack stack) {
        try {
            return Files.size(Path.of(stack.getTemplatePath()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] request(List<PolicyValidationStack> part, String accountId, String region)
            throws IOException {
        ObjectNode request = JSON.createObjectNode();
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

    /** A wait's end: {@code length} after it was made, said as that length in a message. */
    private record Deadline(Duration length, long byNanos) {

        Deadline(Duration length) {
            this(length, System.nanoTime() + length.toNanos());
        }

        long leftMillis() {
            return Math.max(0, TimeUnit.NANOSECONDS.toMillis(byNanos - System.nanoTime()));
        }

        @Override
        public String toString() {
            return length.toMillis() % 1000 == 0 ? length.toSeconds() + " s" : length.toMillis() + " ms";
        }
    }

    /**
     * One worker process: requests on stdin, a line each; its ready line, then an answer line per
     * request, on stdout. Its complaints and its warm-up template are in a directory of the synth's,
     * so that a worker can always be killed outright: it has nothing of its own to clean up.
     */
    private static final class Worker {

        private final Process process;
        /** The worker's stdout lines, read by a thread of their own so that a wait can end; empty at its end. */
        private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
        private final Path files;
        private final Path errors;
        private JsonNode readyLine;
        /** When the answer to the request last sent is due. */
        private Deadline answerBy;

        private Worker(Process process, Path files) {
            this.process = process;
            this.files = files;
            this.errors = files.resolve(ERRORS);
            BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            daemon("validator worker output", () -> {
                try (stdout) {
                    for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                        lines.add(Optional.of(line));
                    }
                } catch (IOException e) {
                    // the worker was stopped: its end follows
                }
                lines.add(Optional.empty());
            });
        }

        private static void daemon(String name, Runnable task) {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        }

        static Worker start(Path workingDirectory, String node) throws IOException {
            String script;
            try (InputStream in = ValidationWorkers.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    throw new IOException(SCRIPT + " is not on the classpath");
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Path files = Files.createTempDirectory("ops-baseline-validator-");
            try {
                // niced, so that a worker started with the JVM gives the cores to the app's construction
                return new Worker(start(List.of("nice", "-n", "19", node, SINGLE_THREADED, "-e", script),
                        workingDirectory, files), files);
            } catch (IOException noNice) {
                try {
                    return new Worker(start(List.of(node, SINGLE_THREADED, "-e", script), workingDirectory, files),
                            files);
                } catch (IOException e) {
                    delete(files);
                    throw e;
                }
            }
        }

        private static Process start(List<String> command, Path workingDirectory, Path files) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectError(files.resolve(ERRORS).toFile());
            builder.environment().put(RELEASE_VARIABLE, String.valueOf(NestedStackValidation.CDK_RELEASE));
            builder.environment().put(WARM_UP_VARIABLE, files.resolve("warm.template.json").toString());
            return builder.start();
        }

        /**
         * The worker's ready line (waiting for it until {@code deadline}); empty when it refused because
         * this is not the synth's aws-cdk-lib.
         */
        Optional<JsonNode> ready(Deadline deadline) throws IOException {
            if (readyLine == null) {
                String line = line(deadline);
                if (line == null) {
                    int exit = exit();
                    if (exit == OTHER_CDK) {
                        return Optional.empty();
                    }
                    throw ended(exit);
                }
                readyLine = JSON.readTree(line);
            }
            return Optional.of(readyLine);
        }

        /**
         * Sends {@code request}, whose answer is due {@code within} from now. The write runs on a thread
         * of its own: a worker reads its input only after its warm-up, so a request larger than a pipe
         * holds waits for it, and a stuck warm-up must not hold the synth past the answer's deadline (the
         * kill that ends the wait also ends the write). A worker that ended before it read the request
         * ("Broken pipe") says why when its answer is read.
         */
        void send(byte[] request, Duration within) {
            answerBy = new Deadline(within);
            OutputStream in = process.getOutputStream();
            daemon("validator worker input", () -> {
                try {
                    in.write(request);
                    in.write('\n');
                    in.flush();
                } catch (IOException e) {
                    // the worker ended or was killed: the answer's wait says which
                }
            });
        }

        private boolean ended() {
            try {
                return process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** The answer to the request last sent, by its deadline. */
        JsonNode answer() throws IOException {
            String line = line(answerBy);
            if (line == null) {
                throw ended(exit());
            }
            try {
                return JSON.readTree(line);
            } catch (IOException e) {
                // a worker that died halfway through its line said why in its error file
                if (ended()) {
                    throw ended(process.exitValue());
                }
                throw e;
            }
        }

        /**
         * The worker's next stdout line, or null at its end; a worker silent until {@code deadline} is
         * killed. An interrupt ends the wait as a failure too: the synth then validates in its own
         * process, as after any failure of the workers.
         */
        private String line(Deadline deadline) throws IOException {
            Optional<String> line;
            try {
                line = lines.poll(deadline.leftMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (line == null) {
                kill();
                throw new IOException("a worker said nothing in " + deadline + " and was stopped");
            }
            return line.orElse(null);
        }

        /** The exit code of a worker whose output ended; one that does not end soon after is killed. */
        private int exit() throws IOException {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    kill();
                    throw new IOException("a worker closed its output without ending and was stopped");
                }
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        private IOException ended(int exit) throws IOException {
            String why = said();
            return new IOException("a worker exited with " + exit + (why.isEmpty() ? "" : ": " + reason(why)));
        }

        /** Why a worker refused to run here, as it said it. */
        String refusal() throws IOException {
            String said = said();
            return said.isEmpty() ? "a worker found no aws-cdk-lib of the synth's release" : reason(said);
        }

        /** What the worker wrote on stderr; nothing once {@link #stop} removed it (a close meanwhile). */
        private String said() throws IOException {
            try {
                return Files.readString(errors).strip();
            } catch (java.nio.file.NoSuchFileException e) {
                return "";
            }
        }

        /**
         * Kills the worker, idle, busy or stuck alike (a SIGTERM would wait for a busy node's event loop,
         * and a stuck one's for good), and removes its files once it has ended, or after 2 s; again is
         * harmless. Its input is left to the JDK, which closes it when the process ends: a write blocked
         * on the full pipe holds the stream, so closing it here could wait as long as the write.
         */
        void stop() {
            kill();
            boolean interrupted = Thread.interrupted();
            try {
                // an interrupt that ended a wait must not skip this one: the files go once the worker has
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            delete(files);
        }

        /**
         * SIGKILL to the worker and to any process it started: a {@code JSII_NODE} or {@code node} that
         * is a wrapper starting the real node, not exec'ing it, would otherwise leave that node running,
         * holding the pipes, after the wrapper's end.
         */
        private void kill() {
            List<ProcessHandle> started = process.descendants().toList();
            process.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
        }

        /** Removes a worker's directory; one left behind is not worth failing a synth for. */
        private static void delete(Path files) {
            try (var inside = Files.list(files)) {
                for (Path file : inside.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(files);
            } catch (IOException e) {
                // already gone, or the temporary directory's cleaner will take it
            }
        }
    }
}
