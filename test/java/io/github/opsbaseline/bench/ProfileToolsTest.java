package io.github.opsbaseline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.testing.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node profiling tools of the README's "Where the time goes": {@code cpu-profile.js} profiles the
 * jsii kernel of a Java synth, {@code profile-summary.js} splits the profile by phase; and
 * {@code validator-cost.js}, which times the CDK's template validator by step.
 */
class ProfileToolsTest {

    @Test
    void aJavaSynthLeavesAKernelProfileThatTheSummarySplitsByPhase(@TempDir Path dir) throws Exception {
        Path profiles = dir.resolve("profiles");
        synth(SynthBenchmark.Launch.javaFloor(), dir.resolve("out"), Map.of(
                "NODE_OPTIONS", "--require " + ProjectPaths.root().resolve("bench/js/cpu-profile.js"),
                "CPU_PROFILE_DIR", profiles.toString()));

        List<Path> written;
        try (Stream<Path> files = Files.list(profiles)) {
            written = files.toList();
        }
        // the kernel's process only, not jsii's launcher
        assertThat(written).singleElement().satisfies(p -> assertThat(p.toString()).endsWith(".cpuprofile"));

        String text = tool(dir, "bench/js/profile-summary.js", written.get(0).toString(), "5");
        assertThat(text).contains("| constructs created from Java |", "| loading modules |",
                "| templates and manifests (synthesize) |", "| total (node process wall time) |");
        // five functions by self time after the phase table's header
        assertThat(text.lines().filter(l -> l.startsWith("| ")).dropWhile(l -> !l.startsWith("| function")).count())
                .isEqualTo(1 + 5);
    }

    @Test
    void theCensusCountsTheRequestsOfAJavaSynthByKind(@TempDir Path dir) throws Exception {
        // GIVEN the empty Java app run with jsii's debug log: one stack holding one free resource
        ProcessMeter.Measurement synth = synth(SynthBenchmark.Launch.javaFloor(), dir.resolve("out"), Map.of("JSII_DEBUG", "1"));
        Path log = dir.resolve("jsii.log");
        Files.writeString(log, synth.stderr());

        // WHEN the census reads it
        List<String> lines = tool(dir, "bench/js/jsii-census.js", log.toString(), "100").lines().toList();

        // THEN it gives the total and the kinds, the app's stack and resource among them, summing to the total
        int total = Integer.parseInt(lines.get(0).replace("requests: ", ""));
        List<String> rows = lines.stream().filter(l -> l.startsWith("| ") && !l.startsWith("| request")).toList();
        assertThat(rows).contains("| create aws-cdk-lib.Stack | 1 |", "| create aws-cdk-lib.CfnWaitConditionHandle | 1 |");
        assertThat(rows.stream().mapToInt(r -> Integer.parseInt(r.replaceAll(".*\\| (\\d+) \\|$", "$1"))).sum())
                .isEqualTo(total);
    }

    @Test
    void theReplayFixturesProfileShowsWhatOnlyItDoesApart(@TempDir Path dir) throws Exception {
        // GIVEN dev's assembly (some hundred resources), replayed by the typed fixture under node's profiler
        synth(SynthBenchmark.Launch.javaApp(), dir.resolve("java"), Map.of("CDK_CONTEXT_JSON", "{\"env\":\"dev\"}"));
        synth(List.of("node", "--cpu-prof", "--cpu-prof-dir=" + dir.resolve("profiles"), "--cpu-prof-interval=100",
                "bench/js/replay-app.js"), dir.resolve("js"), Map.of(SynthBenchmark.Launch.REPLAY_ASSEMBLY,
                dir.resolve("java").toString(), SynthBenchmark.Launch.REPLAY_MODE, "typed"));
        Path profile;
        try (Stream<Path> files = Files.list(dir.resolve("profiles"))) {
            profile = files.findFirst().orElseThrow();
        }

        // WHEN the summary splits it
        String text = tool(dir, "bench/js/profile-summary.js", profile.toString());

        // THEN reading the templates and building the constructs are phases of their own
        assertThat(text).contains("| fixture: templates read into props |",
                "| fixture: constructs created |", "| templates and manifests (synthesize) |");
    }

    @Test
    void theValidatorsCostIsTimedByStepWithAndWithoutNodesFlags(@TempDir Path dir) throws Exception {
        // GIVEN the empty Java app's assembly: one template
        synth(SynthBenchmark.Launch.javaFloor(), dir.resolve("out"), Map.of());

        // WHEN the tool times the CDK's plugin over it, as is and single-threaded
        List<String> lines = List.of(tool(dir, "bench/js/validator-cost.js", dir.resolve("out").toString()),
                tool(dir, "--single-threaded", "bench/js/validator-cost.js", dir.resolve("out").toString()));

        // THEN each gives every step, the one template counted
        assertThat(lines).allSatisfy(line -> assertThat(line.strip()).matches(
                "engine [1-9]\\d* ms, schemas \\d+ ms, 1 templates \\d+ ms, wall [1-9]\\d* ms, cpu [1-9]\\d* ms"));
    }

    /** Runs a synth into {@code outdir}, validator off, with {@code env} added; it must exit 0. */
    private static ProcessMeter.Measurement synth(List<String> command, Path outdir, Map<String, String> env)
            throws Exception {
        Map<String, String> all = new TreeMap<>(env);
        all.put("CDK_OUTDIR", outdir.toString());
        all.put("CDK_VALIDATION", "false");
        ProcessMeter.Measurement m = ProcessMeter.run(command, all, ProjectPaths.root());
        assertThat(m.exitCode()).as(m.stderr()).isZero();
        return m;
    }

    /** Runs one of bench/js's node tools from the project root; its stdout, once it exited 0. */
    private static String tool(Path dir, String... args) throws Exception {
        Path out = Files.createTempFile(dir, "tool-", ".md");
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(ProjectPaths.root().toFile()).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
        return Files.readString(out);
    }
}
