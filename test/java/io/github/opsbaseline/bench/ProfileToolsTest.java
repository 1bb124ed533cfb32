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
}
