package io.github.opsbaseline.gates;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.testing.SynthesizedEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

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
        List<String> findings = new ArrayList<>();
        for (Stack stack : synthesized.stacks().all()) {
            Annotations annotations = Annotations.fromStack(stack);
            annotations.findError("*", Match.anyValue()).forEach(m -> findings.add("ERROR " + describe(m)));
            annotations.findWarning("*", Match.anyValue()).forEach(m -> findings.add("WARNING " + describe(m)));
        }

        // THEN there are none
        assertThat(findings).as("cdk-nag findings in %s", environment).isEmpty();
    }

    private static String describe(SynthesisMessage message) {
        return message.getId() + ": " + message.getEntry().getData();
    }
}
