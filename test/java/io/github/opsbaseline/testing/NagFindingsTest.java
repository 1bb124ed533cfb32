package io.github.opsbaseline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.compliance.CompliancePacks;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnWaitConditionHandle;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sqs.Queue;

/** The gates assert that {@link NagFindings} is empty: this shows that it is not when cdk-nag finds something. */
class NagFindingsTest {

    @Test
    void aFindingIsOneLineWithItsLevelPathAndRuleAndACleanStackHasNone() {
        // GIVEN a stack whose queue neither requires TLS nor has a dead-letter queue, and one no rule applies to
        App app = TestApps.app();
        Stack clean = new Stack(app, "Clean");
        new CfnWaitConditionHandle(clean, "Nothing");
        Stack flawed = new Stack(app, "Flawed");
        Queue.Builder.create(flawed, "Queue").build();
        CompliancePacks.apply(app, List.of());

        // WHEN their findings are read
        List<String> findings = NagFindings.of(clean, flawed);

        // THEN the flawed stack's queue is named with the rules it breaks, and nothing else is
        assertThat(findings).isNotEmpty().allMatch(f -> f.startsWith("ERROR /Flawed/Queue/Resource: "));
        assertThat(findings).anyMatch(f -> f.contains("AwsSolutions-SQS4"));
        assertThat(NagFindings.of(clean)).isEmpty();
    }
}
