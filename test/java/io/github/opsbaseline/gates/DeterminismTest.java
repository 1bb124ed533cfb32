package io.github.opsbaseline.gates;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.app.OpsBaselineApp;
import io.github.opsbaseline.testing.AppProcess;
import io.github.opsbaseline.testing.SynthesizedEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same configuration synthesized twice gives byte-identical templates. The second synth runs the
 * real entry point in another JVM, because hash-ordered collections ({@code Map.of}, {@code HashMap})
 * change their order between JVM runs, not within one. So does the text of a CDK token's placeholder:
 * aws-cdk-lib starts its counter at random in every process, so nothing may be decided from its
 * length (see {@code OperationsDashboards}). The reference environments are too small to show that;
 * {@code bin/bench} compares its runs at up to 1,000 services too.
 */
class DeterminismTest {

    @Test
    void aSecondSynthInAnotherJvmIsByteIdentical() throws Exception {
        // GIVEN every environment synthesized in this JVM
        var environments = SynthesizedEnvironment.environments();

        // WHEN the app synthesizes them all again in its own process
        Path outdir = Files.createTempDirectory("ops-baseline-determinism-");
        AppProcess.Result result = AppProcess.run(outdir, Map.of(OpsBaselineApp.ENV_CONTEXT, OpsBaselineApp.ALL));

        // THEN it succeeds and every template is byte for byte the same
        assertThat(result.exitCode()).as("app exit code; stderr:%n%s", result.stderr()).isZero();
        for (String environment : environments) {
            SynthesizedEnvironment first = SynthesizedEnvironment.of(environment);
            first.templates().forEach((stack, template) -> {
                Path second = outdir.resolve(first.file(stack).getFileName());
                assertThat(second).as("template of %s from the second synth", stack).exists();
                try {
                    assertThat(Files.readString(second)).as("template of %s", stack).isEqualTo(template);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
