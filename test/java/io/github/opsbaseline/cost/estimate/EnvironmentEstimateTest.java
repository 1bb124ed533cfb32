package io.github.opsbaseline.cost.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.opsbaseline.testing.ProjectPaths;
import io.github.opsbaseline.testing.SynthesizedEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The estimate of every environment, kept under {@code test/snapshots/cost/<env>.json} and compared
 * on every run: a template or price change that moves the cost shows in review.
 * {@code -Dsnapshot.update=true} rewrites them.
 */
class EnvironmentEstimateTest {

    static Stream<String> environments() {
        return SynthesizedEnvironment.environments().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void theEstimateOfEachEnvironmentMatchesItsFixture(String environment) throws IOException {
        SynthesizedEnvironment synthesized = SynthesizedEnvironment.of(environment);
        Estimate estimate = new TemplateEstimator(PriceBook.load()).estimate(environment, synthesized.config().region(),
                CostCommand.stacksOf(synthesized.outdir(), synthesized.config()), synthesized.config().cost().assumptions());
        Path fixture = ProjectPaths.snapshots().resolve("cost").resolve(environment + ".json");
        assertThat(estimate.unpriced()).as("resources no rule prices in %s", environment).isEmpty();
        if (ProjectPaths.updateSnapshots()) {
            Files.createDirectories(fixture.getParent());
            Files.writeString(fixture, estimate.json());
            return;
        }
        if (!Files.exists(fixture)) {
            fail("missing cost fixture %s: run mvn test -Dsnapshot.update=true", ProjectPaths.root().relativize(fixture));
        }

        assertThat(estimate.json()).as("estimate of %s; if intended, run mvn test -Dsnapshot.update=true", environment)
                .isEqualTo(Files.readString(fixture));
    }
}
