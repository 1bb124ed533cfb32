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

    @org.junit.jupiter.api.Test
    void theReadmeShowsWhatEachEnvironmentCostsAndTheAssumptions() throws IOException {
        StringBuilder table = new StringBuilder("| environment | stack | USD per month |\n|---|---|---:|\n");
        StringBuilder items = new StringBuilder("| environment | largest items (USD per month) |\n|---|---|\n");
        String assumptions = null;
        for (String environment : SynthesizedEnvironment.environments()) {
            SynthesizedEnvironment synthesized = SynthesizedEnvironment.of(environment);
            Estimate estimate = new TemplateEstimator(PriceBook.load()).estimate(environment, synthesized.config().region(),
                    CostCommand.stacksOf(synthesized.outdir(), synthesized.config()), synthesized.config().cost().assumptions());
            estimate.totalsByStack().forEach((stack, usd) -> table.append(String.format(java.util.Locale.ROOT,
                    "| %s | %s | %.2f |%n", environment, stack, usd)));
            table.append(String.format(java.util.Locale.ROOT, "| **%s** | **total** | **%.2f** |%n", environment, estimate.totalUsd()));
            java.util.Map<String, Double> byItem = new java.util.LinkedHashMap<>();
            estimate.lines().forEach(l -> byItem.merge(l.resourceType().replace("AWS::", "") + " " + l.item(), l.monthlyUsd(), Double::sum));
            items.append("| ").append(environment).append(" | ").append(String.join(", ", byItem.entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed()).limit(6)
                    .map(e -> String.format(java.util.Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).toList())).append(" |\n");
            if (assumptions == null) {
                StringBuilder a = new StringBuilder("| assumption (`cost.assumptions.*`) | default |\n|---|---:|\n");
                for (java.lang.reflect.RecordComponent c : io.github.opsbaseline.config.CostConfig.Assumptions.class.getRecordComponents()) {
                    try {
                        a.append("| `").append(c.getName()).append("` | ")
                                .append(io.github.opsbaseline.core.Numbers.plain((Double) c.getAccessor().invoke(
                                        io.github.opsbaseline.config.CostConfig.Assumptions.defaults()))).append(" |\n");
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
                assumptions = a.toString();
            }
        }
        java.util.Map<String, String> blocks = new java.util.LinkedHashMap<>();
        blocks.put("cost-by-environment", table.toString());
        blocks.put("cost-largest-items", items.toString());
        blocks.put("cost-assumptions", assumptions);
        io.github.opsbaseline.testing.ReadmeBlocks.check(blocks);
    }
}
