package io.github.opsbaseline.gates;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.testing.CfnGuard;
import io.github.opsbaseline.testing.SynthesizedEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AWS Control Tower proactive controls, as cfn-guard rules ({@link CfnGuard}), over every synthesized template.
 * The binary and the rules come from {@code npm ci}; if they are missing the test fails, it never
 * skips, because a gate that silently does not run proves nothing.
 */
class CfnGuardGateTest {

    static Stream<String> environments() {
        return SynthesizedEnvironment.environments().stream();
    }

    @Test
    void theRulesAndTheBinaryAreInstalled() throws IOException {
        assertThat(CfnGuard.binary()).as("cfn-guard binary (npm ci installs it)").isExecutable();
        try (Stream<Path> files = Files.walk(CfnGuard.rules())) {
            assertThat(files.filter(f -> f.toString().endsWith(".guard")).count())
                    .as("Control Tower guard rules").isGreaterThan(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void everyTemplatePassesEveryControlTowerRule(String environment) throws Exception {
        SynthesizedEnvironment synthesized = SynthesizedEnvironment.of(environment);
        for (String stack : synthesized.templates().keySet()) {
            Path file = synthesized.file(stack);
            assertThat(file).exists();

            CfnGuard.Result result = CfnGuard.validate(file);

            assertThat(result.exitCode()).as("cfn-guard on %s:%n%s", stack, result.tail()).isZero();
        }
    }

    @Test
    void everyExemptionIsStillNeeded() throws Exception {
        // GIVEN each exemption names a rule file that is there (a renamed file would exempt nothing)
        assertThat(CfnGuard.exemptedRuleFiles()).extracting(f -> f.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(CfnGuard.EXEMPT.keySet());
        SynthesizedEnvironment prod = SynthesizedEnvironment.of("prod");
        for (String exempted : CfnGuard.EXEMPT.keySet()) {
            String rule = exempted.substring(0, exempted.length() - ".guard".length());
            // WHEN only the exempted rules run over prod's templates
            boolean fails = false;
            for (String stack : prod.templates().keySet()) {
                CfnGuard.Result result = CfnGuard.validateExemptedOnly(prod.file(stack));
                // THEN a run either passes or fails on rules (exit 19), never errs (a usage or parse error)
                assertThat(result.exitCode()).as("cfn-guard on %s:%n%s", stack, result.tail()).isIn(0, 19);
                fails |= result.exitCode() == 19 && result.output().contains(exempted + "/");
            }
            // AND each exempted rule still fails somewhere, or its exemption has outlived its reason
            assertThat(fails).as("%s now passes on prod: remove it from CfnGuard.EXEMPT", rule).isTrue();
        }
    }

    @Test
    void everyResourceExemptionIsStillNeeded() throws Exception {
        // GIVEN prod's security template, which holds the one resource exempted from a rule
        SynthesizedEnvironment prod = SynthesizedEnvironment.of("prod");
        Path security = prod.file("django-ms-prod-security");
        for (var exemption : CfnGuard.EXEMPT_RESOURCES.entrySet()) {
            // WHEN the exempted rule runs over the whole template
            CfnGuard.Result result = CfnGuard.validateResourceExemptedOnly(security);
            // THEN it fails, naming that resource
            assertThat(result.exitCode()).as("%s over %s:%n%s", exemption.getKey(), security, result.tail()).isEqualTo(19);
            for (String id : exemption.getValue().keySet()) {
                assertThat(result.output()).as("%s names %s", exemption.getKey(), id).contains(id);
            }
        }
    }
}
