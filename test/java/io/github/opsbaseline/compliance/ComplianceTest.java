package io.github.opsbaseline.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.NagPack;
import io.github.opsbaseline.config.ComplianceStandard;
import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.testing.ProjectPaths;
import io.github.opsbaseline.testing.TestApps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sqs.Queue;

class ComplianceTest {

    @Test
    void awsSolutionsAlwaysAndThePackOfEachDeclaredStandardThatCdkNagHas() {
        assertThat(CompliancePacks.forStandards(List.of())).extracting(NagPack::getReadPackName)
                .containsExactly("AwsSolutions");
        assertThat(CompliancePacks.forStandards(List.of(ComplianceStandard.SOC2, ComplianceStandard.GDPR)))
                .extracting(NagPack::getReadPackName).containsExactly("AwsSolutions");
        assertThat(CompliancePacks.forStandards(List.of(ComplianceStandard.PCI_DSS, ComplianceStandard.HIPAA,
                ComplianceStandard.NIST_800_53_R5)))
                .extracting(NagPack::getReadPackName)
                .containsExactly("AwsSolutions", "HIPAA.Security", "NIST.800.53.R5", "PCI.DSS.321");
    }

    @Test
    void thePacksNamesAreTheirClassesInTheSameOrder() {
        List<ComplianceStandard> all = List.of(ComplianceStandard.PCI_DSS, ComplianceStandard.HIPAA,
                ComplianceStandard.NIST_800_53_R5, ComplianceStandard.CIS);

        assertThat(CompliancePacks.names(all)).containsExactly(
                "AwsSolutionsChecks", "HIPAASecurityChecks", "NIST80053R5Checks", "PCIDSS321Checks");
        assertThat(CompliancePacks.names(all)).isEqualTo(CompliancePacks.forStandards(all).stream()
                .map(p -> p.getClass().getSimpleName()).toList());
        assertThat(CompliancePacks.names(List.of(ComplianceStandard.GDPR))).containsExactly("AwsSolutionsChecks");
    }

    @Test
    void everyResourceIsTaggedWithOwnerSensitivityAndStandards() {
        // GIVEN prod's configuration and a stack with a resource
        EnvironmentConfig prod = new ConfigLoader(ProjectPaths.stacksConfig()).load("prod");
        Stack stack = new Stack(TestApps.app(), "Tagged");
        Queue.Builder.create(stack, "Queue").enforceSsl(true).build();

        // WHEN the baseline tags are applied
        BaselineTags.apply(stack, BaselineTags.of(prod));

        // THEN the resource carries them, the config's own tags included
        Template.fromStack(stack).hasResourceProperties("AWS::SQS::Queue", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "compliance", "Value", "SOC2 GDPR PCI_DSS HIPAA NIST_800_53_R5 CIS"),
                Map.of("Key", "cost-center", "Value", "cc-4120"),
                Map.of("Key", "data-classification", "Value", "restricted"),
                Map.of("Key", "environment", "Value", "prod"),
                Map.of("Key", "managed-by", "Value", "ops-baseline"),
                Map.of("Key", "owner", "Value", "platform-team"),
                Map.of("Key", "project", "Value", "django-ms")))));
    }

    @Test
    void theConfigCountsTheBaselinesOwnTagsAgainstAwsLimit() {
        // the config check reserves room for exactly the tags BaselineTags adds before the file's own
        EnvironmentConfig prod = new ConfigLoader(ProjectPaths.stacksConfig()).load("prod");
        assertThat(BaselineTags.of(prod).keySet().stream().filter(k -> !prod.tags().containsKey(k)).toList())
                .containsExactlyElementsOf(EnvironmentConfig.BASELINE_TAG_KEYS);
    }

    @Test
    void everyKeyOnlyAllowsGrantsByOrForAwsServices() {
        Stack stack = new Stack(TestApps.app(), "Keys");
        new Key(stack, "Key");
        new Key(new software.constructs.Construct(stack, "Nested"), "Key");

        assertThat(KeyGrantGuard.applyTo(stack)).isEqualTo(2);

        Template.fromStack(stack).allResourcesProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement",
                Match.arrayWith(List.of(Map.of(
                        "Sid", KeyGrantGuard.SID,
                        "Effect", "Deny",
                        "Principal", Map.of("AWS", "*"),
                        "Action", "kms:CreateGrant",
                        "Resource", "*",
                        "Condition", Map.of("BoolIfExists", Map.of(
                                "aws:PrincipalIsAWSService", "false",
                                "kms:GrantIsForAWSResource", "false"))))))));
    }
}
