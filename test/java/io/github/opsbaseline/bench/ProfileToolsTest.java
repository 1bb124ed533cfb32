package io.github.opsbaseline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.testing.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node profiling tools of the README's "Where the time goes": {@code cpu-profile.js} profiles the
 * jsii kernel of a Java synth, {@code profile-summary.js} splits the profile by phase.
 */
class ProfileToolsTest {

    @Test
    void aJavaSynthLeavesAKernelProfileThatTheSummarySplitsByPhase(@TempDir Path dir) throws Exception {
        Path profiles = dir.resolve("profiles");
        Map<String, String> env = new TreeMap<>();
        env.put("NODE_OPTIONS", "--require " + ProjectPaths.root().resolve("bench/js/cpu-profile.js"));
        env.put("CPU_PROFILE_DIR", profiles.toString());
        env.put("CDK_OUTDIR", dir.resolve("out").toString());
        env.put("CDK_VALIDATION", "false");

        ProcessMeter.Measurement synth = ProcessMeter.run(SynthBenchmark.Launch.javaFloor(), env, ProjectPaths.root());

        assertThat(synth.exitCode()).as(synth.stderr()).isZero();
        List<Path> written;
        try (Stream<Path> files = Files.list(profiles)) {
            written = files.toList();
        }
        // the kernel's process only, not jsii's launcher
        assertThat(written).singleElement().satisfies(p -> assertThat(p.toString()).endsWith(".cpuprofile"));

        Path table = dir.resolve("summary.md");
        Process summary = new ProcessBuilder("node", "bench/js/profile-summary.js", written.get(0).toString(), "5")
                .directory(ProjectPaths.root().toFile()).redirectOutput(table.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(summary.waitFor()).isZero();
        String text = Files.readString(table);
        assertThat(text).contains("| constructs created from Java |", "| loading modules |",
                "| templates and manifests (synthesize) |", "| total (node process wall time) |");
        // five functions by self time after the phase table's header
        assertThat(text.lines().filter(l -> l.startsWith("| ")).dropWhile(l -> !l.startsWith("| function")).count())
                .isEqualTo(1 + 5);
    }

    @Test
    void theCensusCountsTheRequestsOfAJavaSynthByKind(@TempDir Path dir) throws Exception {
        // GIVEN the empty Java app run with jsii's debug log: one stack holding one free resource
        Map<String, String> env = new TreeMap<>();
        env.put("JSII_DEBUG", "1");
        env.put("CDK_OUTDIR", dir.resolve("out").toString());
        env.put("CDK_VALIDATION", "false");
        ProcessMeter.Measurement synth = ProcessMeter.run(SynthBenchmark.Launch.javaFloor(), env, ProjectPaths.root());
        assertThat(synth.exitCode()).isZero();
        Path log = dir.resolve("jsii.log");
        Files.writeString(log, synth.stderr());

        // WHEN the census reads it
        Path table = dir.resolve("census.md");
        Process census = new ProcessBuilder("node", "bench/js/jsii-census.js", log.toString(), "100")
                .directory(ProjectPaths.root().toFile()).redirectOutput(table.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();

        // THEN it gives the total and the kinds, the app's stack and resource among them, summing to the total
        assertThat(census.waitFor()).isZero();
        List<String> lines = Files.readAllLines(table);
        int total = Integer.parseInt(lines.get(0).replace("requests: ", ""));
        List<String> rows = lines.stream().filter(l -> l.startsWith("| ") && !l.startsWith("| request")).toList();
        assertThat(rows).contains("| create aws-cdk-lib.Stack | 1 |", "| create aws-cdk-lib.CfnWaitConditionHandle | 1 |");
        assertThat(rows.stream().mapToInt(r -> Integer.parseInt(r.replaceAll(".*\\| (\\d+) \\|$", "$1"))).sum())
                .isEqualTo(total);
    }

    @Test
    void theReplayFixturesProfileShowsWhatOnlyItDoesApart(@TempDir Path dir) throws Exception {
        // GIVEN dev's assembly (some hundred resources), replayed by the typed fixture under node's profiler
        Map<String, String> env = new TreeMap<>();
        env.put("CDK_CONTEXT_JSON", "{\"env\":\"dev\"}");
        env.put("CDK_OUTDIR", dir.resolve("java").toString());
        env.put("CDK_VALIDATION", "false");
        ProcessMeter.Measurement synth = ProcessMeter.run(SynthBenchmark.Launch.javaApp(), env, ProjectPaths.root());
        assertThat(synth.exitCode()).as(synth.stderr()).isZero();
        env.put("CDK_OUTDIR", dir.resolve("js").toString());
        env.put(SynthBenchmark.Launch.REPLAY_ASSEMBLY, dir.resolve("java").toString());
        env.put(SynthBenchmark.Launch.REPLAY_MODE, "typed");
        List<String> command = List.of("node", "--cpu-prof", "--cpu-prof-dir=" + dir.resolve("profiles"),
                "--cpu-prof-interval=100", "bench/js/replay-app.js");
        ProcessMeter.Measurement replay = ProcessMeter.run(command, env, ProjectPaths.root());
        assertThat(replay.exitCode()).as(replay.stderr()).isZero();
        Path profile;
        try (Stream<Path> files = Files.list(dir.resolve("profiles"))) {
            profile = files.findFirst().orElseThrow();
        }

        // WHEN the summary splits it
        Path table = dir.resolve("summary.md");
        Process summary = new ProcessBuilder("node", "bench/js/profile-summary.js", profile.toString())
                .directory(ProjectPaths.root().toFile()).redirectOutput(table.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();

        // THEN reading the templates and building the constructs are phases of their own
        assertThat(summary.waitFor()).isZero();
        assertThat(Files.readString(table)).contains("| fixture: templates read into props |",
                "| fixture: constructs created |", "| templates and manifests (synthesize) |");
    }
}
