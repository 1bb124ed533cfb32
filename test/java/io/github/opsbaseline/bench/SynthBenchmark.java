package io.github.opsbaseline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.cdklabs.cdknag.NagPack;
import io.github.opsbaseline.app.NestedStackValidation;
import io.github.opsbaseline.app.OpsBaselineApp;
import io.github.opsbaseline.compliance.CompliancePacks;
import io.github.opsbaseline.core.TemplateLimits;
import io.github.opsbaseline.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awscdk.App;

/**
 * {@code bin/bench [--sizes 10,100,1000] [--envs prod] [--runs 3] [--validator on,off] [--warm] [--typed]}: synthesizes
 * generated environments of the stated sizes and the named reference environments, each run in a
 * fresh process as under {@code cdk synth}, twice side by side: the Java app through
 * {@code bin/app}, and the plain-JavaScript fixture ({@code bench/js/replay-app.js}) re-creating
 * the same templates from what the Java run wrote; the two outputs must be equal or the benchmark
 * fails. Prints a Markdown table (median wall time of each side, their ratio, each against its own
 * empty-app floor measured in the same run, peak memory, the templates' shape against
 * CloudFormation's limits) and writes every run to {@code target/bench-runs.json}.
 *
 * <p>Every measured run validates every template: the validation cache is off, as the fixture has
 * none. With {@code --warm}, each Java run with the validator on fills an empty cache of its own, and
 * a second Java synth of the same environment over that cache is measured too (column "Java warm s"):
 * a re-synth of an unchanged environment. Its templates must equal the first's, byte for byte, as
 * must every Java run's after the first: each benchmark of several runs is also a check, across
 * JVMs, that the app is deterministic at the sizes measured.
 *
 * <p>With {@code --typed}, each run also times the fixture in its typed mode (the CDK's L1 classes,
 * the environment's cdk-nag packs, the tags aspect: most of the CDK work the Java app does in node),
 * whose templates and cdk-nag findings must equal the Java run's and whose packs must report rule
 * checks; the ratio against it bounds the Java side's own cost from above (columns "JS typed s",
 * "Java/JS typed").
 */
public final class SynthBenchmark {

    static final String USAGE =
            "usage: bench [--sizes 10,100,1000] [--envs prod] [--runs 3] [--validator on,off] [--warm] [--typed]";
    static final String FLOOR = "empty app (floor)";

    /**
     * What to measure.
     *
     * @param warm also a Java re-synth over the validation cache its first synth filled (validator on)
     * @param typed also the fixture in its typed mode (see the class comment)
     */
    record Options(List<Integer> sizes, List<String> envs, int runs, List<String> validators, boolean warm,
                   boolean typed) {

        static Options parse(String... args) {
            List<Integer> sizes = List.of(10, 100, 1000);
            List<String> envs = List.of("prod");
            int runs = 3;
            List<String> validators = List.of("on", "off");
            boolean warm = false;
            boolean typed = false;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--warm" -> {
                        warm = true;
                        continue;
                    }
                    case "--typed" -> {
                        typed = true;
                        continue;
                    }
                    case "--sizes" -> sizes = list(value).stream().map(Integer::parseInt).toList();
                    case "--envs" -> envs = list(value);
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--validator" -> validators = list(value);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; " + USAGE);
                }
                i++;
            }
            if (runs < 1 || validators.stream().anyMatch(v -> !v.equals("on") && !v.equals("off"))) {
                throw new IllegalArgumentException("--runs takes a positive count, --validator on and/or off; " + USAGE);
            }
            return new Options(sizes, envs, runs, validators, warm, typed);
        }

        private static List<String> list(String value) {
            if (value == null) {
                throw new IllegalArgumentException("a value is missing; " + USAGE);
            }
            return value.isBlank() ? List.of() : List.of(value.split(","));
        }
    }

    /** One process run: which side, its time and peak memory. */
    record Run(String what, String validator, String side, int run, double seconds, long peakKiB) { }

    /**
     * One line of the table: one thing synthesized with one validator setting, both sides.
     *
     * @param javaWarmSeconds median of the Java re-synths over a filled validation cache, or null
     * @param jsTyped the typed fixture's median and peak memory, or null when not measured
     */
    record Row(String what, String validator, double javaSeconds, double jsSeconds, long javaPeakMiB, long jsPeakMiB,
               AssemblyShape shape, Double javaWarmSeconds, Typed jsTyped) { }

    /** The typed fixture's side of a row: median wall time and peak memory. */
    record Typed(double seconds, long peakMiB) { }

    private SynthBenchmark() { }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            // a mistyped option is the user's, not a failure of the benchmark: one line, exit 2
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path root = ProjectPaths.root();
        checkSameCdk(root);
        if (options.typed()) {
            checkSameCdkNag(root);
        }
        Path configDir = BenchEnvironments.write(ProjectPaths.stacksConfig(),
                options.sizes().stream().mapToInt(Integer::intValue).toArray());
        Map<String, Map<String, Object>> subjects = new LinkedHashMap<>();
        for (String env : options.envs()) {
            subjects.put(env, context(env, configDir));
        }
        for (int n : options.sizes()) {
            subjects.put(String.format(Locale.ROOT, "%,d services", n), context(BenchEnvironments.name(n), configDir));
        }
        // the typed fixture's packs per subject, found before any run so a refusal costs no time; none without --typed
        Map<String, List<String>> packs = new LinkedHashMap<>();
        if (options.typed()) {
            subjects.forEach((what, ctx) -> packs.put(what, nagPacks(configDir, (String) ctx.get(OpsBaselineApp.ENV_CONTEXT))));
        }
        List<Run> runs = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (String validator : options.validators()) {
            rows.add(measure(root, FLOOR, validator, options.runs(), null, false, null, runs));
            for (Map.Entry<String, Map<String, Object>> s : subjects.entrySet()) {
                rows.add(measure(root, s.getKey(), validator, options.runs(), s.getValue(),
                        options.warm() && validator.equals("on"), packs.get(s.getKey()), runs));
            }
        }
        Path json = root.resolve("target/bench-runs.json");
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("processors", Runtime.getRuntime().availableProcessors());
        report.put("options", options);
        report.put("rows", rows);
        report.put("runs", runs);
        Files.createDirectories(json.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        System.err.println("raw runs: " + json);
        System.out.print(table(rows));
        if (rows.stream().anyMatch(r -> !r.shape().withinLimits())) {
            System.err.println("LIMIT EXCEEDED: a template is over " + TemplateLimits.MAX_RESOURCES
                    + " resources or " + TemplateLimits.MAX_BYTES + " bytes");
        }
    }

    private static Map<String, Object> context(String env, Path configDir) {
        Map<String, Object> context = new TreeMap<>();
        context.put(OpsBaselineApp.ENV_CONTEXT, env);
        context.put(OpsBaselineApp.CONFIG_DIR_CONTEXT, configDir.toString());
        return context;
    }

    /**
     * The cdk-nag packs the Java app applies to {@code env}'s stacks, for the typed fixture to apply
     * alike; it applies one list to every stack, so {@code all} is refused when its environments differ.
     */
    static List<String> nagPacks(Path configDir, String env) {
        List<List<String>> each = OpsBaselineApp.load(configDir, env).stream()
                .map(c -> CompliancePacks.names(c.compliance())).distinct().toList();
        if (each.size() != 1) {
            throw new IllegalArgumentException("--typed measures one set of cdk-nag packs per synth, but the"
                    + " environments of " + env + " use " + each + "; name them one by one in --envs");
        }
        return each.get(0);
    }

    /** The Java app and the fixture must run the same CDK, or the ratio compares two versions. */
    private static void checkSameCdk(Path root) throws IOException {
        String java = App.class.getPackage().getImplementationVersion();
        String js = installedVersion(root, "aws-cdk-lib");
        if (!js.equals(java)) {
            throw new IllegalStateException("aws-cdk-lib " + java + " in Java but " + js
                    + " in node_modules; run `npm ci` so both sides synthesize with the same CDK");
        }
    }

    /** The typed fixture's packs must be the release the Java side bundles (its jsii tarball names it). */
    private static void checkSameCdkNag(Path root) throws IOException {
        String nagJs = installedVersion(root, "cdk-nag");
        if (NagPack.class.getResource("cdk-nag@" + nagJs + ".jsii.tgz") == null) {
            throw new IllegalStateException("cdk-nag " + nagJs + " in node_modules is not the release the Java side"
                    + " bundles; run `npm ci` so both sides run the same packs");
        }
    }

    /** The version of the package npm installed under the project's node_modules, or "none". */
    private static String installedVersion(Path root, String pkg) throws IOException {
        Path json = root.resolve("node_modules").resolve(pkg).resolve("package.json");
        return Files.isRegularFile(json) ? new ObjectMapper().readTree(json.toFile()).path("version").asText() : "none";
    }

    /**
     * Runs both sides {@code runs} times, alternating so drift in the machine's load hits both
     * alike; {@code context} null measures the empty apps. Every JavaScript output is compared with
     * the Java output it replayed, and every Java output after the first with the first, byte for
     * byte (the same config must give the same templates in every JVM). {@code warm}: see the class
     * comment. {@code typedPacks}: the cdk-nag packs for the typed fixture, which runs only when given.
     */
    static Row measure(Path root, String what, String validator, int runs, Map<String, Object> context, boolean warm,
                       List<String> typedPacks, List<Run> all) throws IOException, InterruptedException {
        List<Double> javaSeconds = new ArrayList<>();
        List<Double> jsSeconds = new ArrayList<>();
        List<Double> warmSeconds = new ArrayList<>();
        List<Double> typedSeconds = new ArrayList<>();
        long javaPeak = 0;
        long jsPeak = 0;
        long typedPeak = 0;
        AssemblyShape shape = null;
        Path firstJava = null;
        try {
            for (int run = 1; run <= runs; run++) {
                Path javaOut = Files.createTempDirectory("bench-java-");
                Path jsOut = Files.createTempDirectory("bench-js-");
                Path cache = warm ? Files.createTempDirectory("bench-cache-") : null;
                Path warmOut = warm ? Files.createTempDirectory("bench-java-warm-") : null;
                Path typedOut = typedPacks != null ? Files.createTempDirectory("bench-js-typed-") : null;
                try {
                    Map<String, String> env = environment(validator, context, javaOut, cache);
                    ProcessMeter.Measurement j = ok(what + " (Java)", ProcessMeter.run(context == null
                            ? Launch.javaFloor() : Launch.javaApp(), env, root));
                    if (warm) {
                        ProcessMeter.Measurement w = ok(what + " (Java, warm)", ProcessMeter.run(Launch.javaApp(),
                                environment(validator, context, warmOut, cache), root));
                        requireSameTemplates(javaOut, warmOut, "the re-synth of " + what + " over the validation cache");
                        warmSeconds.add(w.seconds());
                        all.add(new Run(what, validator, "java-warm", run, w.seconds(), w.peakKiB()));
                    }
                    env = environment(validator, context, jsOut, null);
                    env.put(Launch.REPLAY_ASSEMBLY, javaOut.toString());
                    ProcessMeter.Measurement s = ok(what + " (JavaScript)", ProcessMeter.run(context == null
                            ? Launch.jsFloor() : Launch.jsReplay(), env, root));
                    List<String> differences = TemplateComparison.differences(javaOut, jsOut);
                    if (!differences.isEmpty()) {
                        throw new IllegalStateException("the JavaScript fixture's templates differ from Java's for " + what
                                + " (validator " + validator + "), so the ratio would compare different work:\n  "
                                + String.join("\n  ", differences));
                    }
                    ProcessMeter.Measurement t = typedPacks == null ? null
                            : replayTyped(root, what, validator, context, javaOut, typedOut, typedPacks);
                    if (firstJava == null) {
                        firstJava = javaOut;
                    } else {
                        requireSameTemplates(firstJava, javaOut, "Java run " + run + " of " + what + " (validator "
                                + validator + ")");
                    }
                    shape = AssemblyShape.of(javaOut);
                    javaSeconds.add(j.seconds());
                    jsSeconds.add(s.seconds());
                    javaPeak = Math.max(javaPeak, j.peakKiB());
                    jsPeak = Math.max(jsPeak, s.peakKiB());
                    all.add(new Run(what, validator, "java", run, j.seconds(), j.peakKiB()));
                    all.add(new Run(what, validator, "js", run, s.seconds(), s.peakKiB()));
                    if (t != null) {
                        typedSeconds.add(t.seconds());
                        typedPeak = Math.max(typedPeak, t.peakKiB());
                        all.add(new Run(what, validator, "js-typed", run, t.seconds(), t.peakKiB()));
                    }
                    System.err.printf(Locale.ROOT, "%s, validator %s, run %d/%d: Java %.2f s%s, JavaScript %.2f s%s, templates equal%n",
                            what, validator, run, runs, j.seconds(), warm ? String.format(Locale.ROOT, " (warm %.2f s)",
                                    warmSeconds.get(warmSeconds.size() - 1)) : "", s.seconds(), t == null ? ""
                                    : String.format(Locale.ROOT, " (typed %.2f s)", t.seconds()));
                } finally {
                    if (javaOut != firstJava) {
                        delete(javaOut);
                    }
                    delete(jsOut);
                    if (typedOut != null) {
                        delete(typedOut);
                    }
                    if (warm) {
                        delete(warmOut);
                        delete(cache);
                    }
                }
            }
        } finally {
            if (firstJava != null) {
                delete(firstJava);
            }
        }
        return new Row(what, validator, median(javaSeconds), median(jsSeconds), javaPeak / 1024, jsPeak / 1024, shape,
                warm ? median(warmSeconds) : null, typedPacks != null ? new Typed(median(typedSeconds), typedPeak / 1024) : null);
    }

    /**
     * Runs the typed fixture over the Java run's assembly into {@code out}; stops the benchmark unless
     * it wrote Java's templates and cdk-nag findings and its packs reported rule checks (Java's findings
     * are all suppressed at these sizes, so equal findings alone would not show that the packs ran).
     */
    private static ProcessMeter.Measurement replayTyped(Path root, String what, String validator, Map<String, Object> context,
            Path javaOut, Path out, List<String> packs) throws IOException, InterruptedException {
        Map<String, String> env = environment(validator, context, out, null);
        env.put(Launch.REPLAY_ASSEMBLY, javaOut.toString());
        env.put(Launch.REPLAY_MODE, "typed");
        env.put(Launch.REPLAY_NAG_PACKS, String.join(",", packs));
        ProcessMeter.Measurement t = ok(what + " (JavaScript, typed)", ProcessMeter.run(Launch.jsReplay(), env, root));
        List<String> differences = new ArrayList<>(TemplateComparison.differences(javaOut, out));
        differences.addAll(TemplateComparison.findingDifferences(javaOut, out));
        if (!packs.isEmpty() && ruleChecks(t.stderr()) == 0) {
            differences.add("the typed fixture reported no cdk-nag rule checks:\n" + t.stderr());
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("the typed JavaScript fixture's templates or cdk-nag findings differ"
                    + " from Java's for " + what + " (validator " + validator + "):\n  " + String.join("\n  ", differences));
        }
        return t;
    }

    /** The cdk-nag rule checks the typed fixture reports on stderr ({@code replay: cdk-nag rule checks N}); 0 if none. */
    static long ruleChecks(String stderr) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^replay: cdk-nag rule checks (\\d+)$").matcher(stderr);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Stops the benchmark when {@code later} holds other templates than {@code first}, byte for byte. */
    private static void requireSameTemplates(Path first, Path later, String which) throws IOException {
        List<String> changed = TemplateComparison.byteDifferences(first, later);
        if (!changed.isEmpty()) {
            throw new IllegalStateException(which + " wrote other templates than the first synth of the same file,"
                    + " so the app is not deterministic:\n  " + String.join("\n  ", changed));
        }
    }

    /** A run's environment; {@code cache} is the validation cache's directory, null for none. */
    static Map<String, String> environment(String validator, Map<String, Object> context, Path outdir, Path cache)
            throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Object> ctx = new TreeMap<>(context == null ? Map.of() : context);
        ctx.put("aws:cdk:version-reporting", false);
        // the CDK refuses a stack over 500 resources; the benchmark measures it and flags it instead
        ctx.put("@aws-cdk/core:stackResourceLimit", 0);
        Map<String, String> env = new TreeMap<>();
        env.put("CDK_CONTEXT_JSON", mapper.writeValueAsString(ctx));
        env.put("CDK_OUTDIR", outdir.toString());
        // the context the Java app forces on itself, for the JavaScript apps to force alike
        env.put(Launch.POST_CLI_CONTEXT, mapper.writeValueAsString(OpsBaselineApp.strictValidation()));
        // set either way: a CDK_VALIDATION=false in the caller's shell must not turn the "on" runs off
        env.put("CDK_VALIDATION", validator.equals("off") ? "false" : "true");
        // a run validates every template, as the fixture does, unless it is given a cache of its own
        env.put(NestedStackValidation.CACHE_SWITCH, cache == null ? "off" : cache.toString());
        return env;
    }

    private static ProcessMeter.Measurement ok(String what, ProcessMeter.Measurement m) {
        if (m.exitCode() != 0) {
            throw new IllegalStateException(what + " failed (exit " + m.exitCode() + "):\n" + m.stderr());
        }
        return m;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String table(List<Row> rows) {
        Map<String, Row> floors = new TreeMap<>();
        rows.stream().filter(r -> r.what().equals(FLOOR)).forEach(r -> floors.put(r.validator(), r));
        boolean warm = rows.stream().anyMatch(r -> r.javaWarmSeconds() != null);
        boolean typed = rows.stream().anyMatch(r -> r.jsTyped() != null);
        StringBuilder out = new StringBuilder();
        out.append("| synthesized | validator | Java s | JS s | Java/JS | Java x floor | JS x floor | Java peak MiB"
                + " | JS peak MiB | stacks (incl. nested) | resources | max resources per template"
                + " | max template KiB | CloudFormation limits |" + (warm ? " Java warm s |" : "")
                + (typed ? " JS typed s | Java/JS typed | JS typed peak MiB |" : "") + "\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|" + (warm ? "---:|" : "")
                + (typed ? "---:|---:|---:|" : "") + "\n");
        for (Row r : rows) {
            Row floor = floors.getOrDefault(r.validator(), r);
            AssemblyShape s = r.shape();
            out.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %d | %d | %,d | %,d | %.1f | %s |",
                    r.what(), r.validator(), r.javaSeconds(), r.jsSeconds(), r.javaSeconds() / r.jsSeconds(),
                    r.javaSeconds() / floor.javaSeconds(), r.jsSeconds() / floor.jsSeconds(), r.javaPeakMiB(), r.jsPeakMiB(),
                    s.templates(), s.resources(), s.maxResources(), s.maxTemplateBytes() / 1024.0,
                    s.withinLimits() ? "within" : "**LIMIT EXCEEDED**"));
            if (warm) {
                out.append(r.javaWarmSeconds() == null ? " |" : String.format(Locale.ROOT, " %.2f |", r.javaWarmSeconds()));
            }
            if (typed) {
                out.append(r.jsTyped() == null ? " | | |" : String.format(Locale.ROOT, " %.2f | %.2f | %d |",
                        r.jsTyped().seconds(), r.javaSeconds() / r.jsTyped().seconds(), r.jsTyped().peakMiB()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** How each side is started: as {@code cdk synth} would, a fresh process per synth. */
    static final class Launch {

        /** The Java run's cloud assembly, which the JavaScript fixture replays. */
        static final String REPLAY_ASSEMBLY = "REPLAY_ASSEMBLY";
        /** Context the JavaScript apps force on themselves, as OpsBaselineApp does. */
        static final String POST_CLI_CONTEXT = "BENCH_POST_CLI_CONTEXT";
        /** {@code typed} for the fixture's typed mode; plain by default. */
        static final String REPLAY_MODE = "REPLAY_MODE";
        /** The cdk-nag pack classes the typed fixture applies, comma-separated. */
        static final String REPLAY_NAG_PACKS = "REPLAY_NAG_PACKS";

        private Launch() { }

        /** {@code bin/app}, what cdk.json starts. */
        static List<String> javaApp() {
            return List.of("bash", "bin/app");
        }

        /** The empty Java app, on bin/app's classpath (plus the test classes), JVM options and class-data archive. */
        static List<String> javaFloor() {
            return List.of("bash", "-c", "source bin/classpath.sh && cp=$(ops_baseline_app_classpath)"
                    + " && mapfile -t jvm < <(ops_baseline_jvm_options) && mapfile -t cds < <(ops_baseline_cds_existing \"$cp\")"
                    + " && exec java \"${jvm[@]}\" \"${cds[@]}\" -cp \"$cp:target/test-classes\" " + EmptyApp.class.getName());
        }

        static List<String> jsReplay() {
            return List.of("node", "bench/js/replay-app.js");
        }

        static List<String> jsFloor() {
            return List.of("node", "bench/js/empty-app.js");
        }
    }
}
