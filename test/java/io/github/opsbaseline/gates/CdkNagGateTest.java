package io.github.opsbaseline.gates;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.testing.NagFindings;
import io.github.opsbaseline.testing.SynthesizedEnvironment;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cdk-nag: AwsSolutions on every environment, plus the HIPAA, NIST 800-53 R5 and PCI DSS packs
 * wherever the environment declares the standard. No error and no warning may be left unsuppressed.
 */
class CdkNagGateTest {

    static Stream<String> environments() {
        return SynthesizedEnvironment.environments().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void everyStackPassesTheEnvironmentsCompliancePacks(String environment) {
        // GIVEN the environment synthesized with its packs applied
        SynthesizedEnvironment synthesized = SynthesizedEnvironment.of(environment);

        // WHEN the annotations the packs left are collected
        List<String> findings = NagFindings.of(synthesized.stacks().all());

        // THEN there are none
        assertThat(findings).as("cdk-nag findings in %s", environment).isEmpty();
    }
}
