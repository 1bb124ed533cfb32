package io.github.opsbaseline.backup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.opsbaseline.config.BackupConfig.RuleConfig;
import io.github.opsbaseline.config.BackupConfig.SelectionConfig;
import io.github.opsbaseline.config.BackupRulePreset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;

class RuleBasedBackupPlanTest {

    static final String DR_VAULT = "arn:aws:backup:ap-southeast-2:777788889999:backup-vault:django-ms-prod-vault-dr";

    @Test
    void prodRulesCarryScheduleTimeZoneWindowsLifecycleTagsAndCopies() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Backup::BackupPlan", Map.of("BackupPlan", Match.objectLike(Map.of(
                "BackupPlanName", "django-ms-prod-plan",
                "BackupPlanRule", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("RuleName", "daily",
                                "ScheduleExpression", "cron(0 2 ? * * *)", "ScheduleExpressionTimezone", "UTC",
                                "StartWindowMinutes", 60, "CompletionWindowMinutes", 720,
                                "Lifecycle", Map.of("MoveToColdStorageAfterDays", 30, "DeleteAfterDays", 120),
                                "RecoveryPointTags", Map.of("rule", "daily"),
                                "CopyActions", List.of(Map.of("DestinationBackupVaultArn", DR_VAULT,
                                        "Lifecycle", Map.of("DeleteAfterDays", 35))))),
                        Match.objectLike(Map.of("RuleName", "weekly", "ScheduleExpression", "cron(0 3 ? * SUN *)")),
                        Match.objectLike(Map.of("RuleName", "monthly",
                                "Lifecycle", Map.of("MoveToColdStorageAfterDays", 90, "DeleteAfterDays", 2555),
                                "CopyActions", List.of(Map.of("DestinationBackupVaultArn", DR_VAULT, "Lifecycle",
                                        Map.of("MoveToColdStorageAfterDays", 90, "DeleteAfterDays", 2555))))),
                        Match.objectLike(Map.of("RuleName", "continuous", "EnableContinuousBackup", true,
                                "ScheduleExpressionTimezone", "Asia/Singapore",
                                "Lifecycle", Map.of("DeleteAfterDays", 35)))))))));
    }

    @Test
    void tagSelectionAndsEveryTagThroughConditions() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Backup::BackupSelection", Map.of("BackupSelection", Match.objectLike(Map.of(
                "SelectionName", "django-ms-prod-plan-tagged",
                "Resources", List.of("*"),
                "ListOfTags", Match.absent(),
                "Conditions", Map.of("StringEquals", List.of(
                        Map.of("ConditionKey", "aws:ResourceTag/backup", "ConditionValue", "true"),
                        Map.of("ConditionKey", "aws:ResourceTag/data-classification", "ConditionValue", "restricted")))))));
    }

    @Test
    void workloadDatabasesAreSelectedByArnWithoutTheReadReplica() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Backup::BackupSelection", Map.of("BackupSelection", Match.objectLike(Map.of(
                "SelectionName", "django-ms-prod-plan-listed",
                "Resources", List.of(Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                        ":rds:ap-southeast-1:777788889999:db:django-ms-prod-db"))))))));
    }

    @Test
    void exclusionsBecomeNotResources() {
        // GIVEN a plan built in code with an exclusion
        Stack stack = new Stack(new App(), "Plans");
        Role role = Role.Builder.create(stack, "Role").assumedBy(new ServicePrincipal("backup.amazonaws.com")).build();
        String excluded = "arn:aws:rds:eu-west-1:123456789012:db:scratch";
        new RuleBasedBackupPlan(stack, "Plan", new RuleBasedBackupPlan.Props("team-plan", "team-vault",
                List.of(RuleConfig.of(BackupRulePreset.WEEKLY)), null, null,
                new SelectionConfig(Map.of("team", "payments"), false, null, List.of(excluded)), null, role));
        // THEN
        Template.fromStack(stack).hasResourceProperties("AWS::Backup::BackupSelection", Map.of("BackupSelection",
                Match.objectLike(Map.of("NotResources", List.of(excluded)))));
    }

    @Test
    void aRuleBreakingAwsColdStorageMinimumIsRefusedBeforeSynth() {
        Stack stack = new Stack(new App(), "Bad");
        Role role = Role.Builder.create(stack, "Role").assumedBy(new ServicePrincipal("backup.amazonaws.com")).build();
        RuleConfig bad = new RuleConfig("daily", null, "cron(0 2 ? * * *)", null, null, null, 30, 119, null, null, null);
        assertThatThrownBy(() -> new RuleBasedBackupPlan(stack, "Plan", new RuleBasedBackupPlan.Props("p", "v",
                List.of(bad), null, null, SelectionConfig.defaults(), null, role)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rules[0].deleteAfterDays: expected at least coldStorageAfterDays + 90 = 120");
    }

    @Test
    void aCopyWithoutADrVaultIsRefused() {
        Stack stack = new Stack(new App(), "NoDr");
        Role role = Role.Builder.create(stack, "Role").assumedBy(new ServicePrincipal("backup.amazonaws.com")).build();
        RuleConfig copy = RuleConfig.of(BackupRulePreset.DAILY)
                .withCopyToDr(new io.github.opsbaseline.config.BackupConfig.LifecycleConfig(null, 35));
        assertThatThrownBy(() -> new RuleBasedBackupPlan(stack, "Plan", new RuleBasedBackupPlan.Props("p", "v",
                List.of(copy), null, null, SelectionConfig.defaults(), null, role)))
                .hasMessageContaining("copyToDr");
    }
}
