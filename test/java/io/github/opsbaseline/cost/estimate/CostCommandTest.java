package io.github.opsbaseline.cost.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.testing.ProjectPaths;
import io.github.opsbaseline.testing.SynthesizedEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CostCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CostCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownArgumentPrintsTheUsageAndExits2() {
        assertThat(run("--environment", "prod")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("unknown argument \"--environment\"; usage: cost --env");
    }

    @Test
    void anUnknownEnvironmentExits1WithTheConfigMessage() {
        assertThat(run("--env", "nope")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown environment \"nope\"");
    }

    @Test
    void aMissingAssemblyIsNamed() {
        assertThat(run("--env", "dev", "--assembly", "/nonexistent/cdk.out")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no cloud assembly at /nonexistent/cdk.out");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--env", "--assembly", "--config-dir"})
    void anOptionWithoutItsValueIsOneLineAndExits2(String option) {
        assertThat(run("--env", "dev", option)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith(option + " needs a value; usage: cost --env")
                .doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void anAssemblyThatCannotBeParsedIsOneLineAndExits1(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("manifest.json"), "{");
        assertThat(run("--env", "dev", "--assembly", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cloud assembly at " + dir + " could not be read: ")
                .doesNotContain("\tat ").hasLineCount(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anAssemblyWhoseTemplateIsMissingIsOneLineAndExits1(@TempDir Path copy) throws IOException {
        // a manifest naming templates that are not there, as a cdk.out copied without them would
        Files.copy(SynthesizedEnvironment.of("dev").outdir().resolve("manifest.json"), copy.resolve("manifest.json"));
        assertThat(run("--env", "dev", "--assembly", copy.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cloud assembly at " + copy + " could not be read: ")
                .contains(".template.json").hasLineCount(1);
    }

    @Test
    void withoutAnAssemblyItSynthesizesTheEnvironmentAndPrintsTheReviewedEstimateAsJson() throws IOException {
        // WHEN dev is estimated with no --assembly (the command synthesizes it, as cdk synth would)
        assertThat(run("--env", "dev", "--json")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        // THEN it prints exactly the reviewed estimate of dev (test/snapshots/cost, kept by EnvironmentEstimateTest)
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(ProjectPaths.snapshots().resolve("cost/dev.json")));
    }

    @Test
    void fromAGivenAssemblyItPrintsATableWithEachStacksTotalAndTheEnvironments() {
        SynthesizedEnvironment dev = SynthesizedEnvironment.of("dev");
        assertThat(run("--env", "dev", "--assembly", dev.outdir().toString())).isZero();
        // the figures of test/snapshots/cost/dev.json, in the table's columns
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Monthly cost of the ops-baseline resources: dev (ap-southeast-1)")
                .containsPattern("STACK +RESOURCE TYPE +ITEM +QUANTITY")
                .containsPattern("django-ms-dev-security +62\\.52")
                .containsPattern("django-ms-dev-backup +9\\.27")
                .containsPattern("TOTAL dev +133\\.47");
    }
}
