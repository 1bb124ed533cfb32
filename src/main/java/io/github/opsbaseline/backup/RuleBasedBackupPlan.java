package io.github.opsbaseline.backup;

import io.github.opsbaseline.config.BackupConfig;
import io.github.opsbaseline.config.BackupConfig.LifecycleConfig;
import io.github.opsbaseline.config.BackupConfig.RuleConfig;
import io.github.opsbaseline.config.BackupConfig.SelectionConfig;
import io.github.opsbaseline.config.BackupConfig.VaultLockConfig;
import io.github.opsbaseline.config.ConfigProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awscdk.services.backup.CfnBackupPlan;
import software.amazon.awscdk.services.backup.CfnBackupSelection;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.Construct;

/**
 * A backup plan whose rules are {@link RuleConfig}s (schedule and time zone, windows, lifecycle,
 * continuous backup, recovery point tags, copy to the DR vault) and its two selections: resources
 * carrying ALL the selection tags (the L1 {@code Conditions}; the CDK's {@code BackupResource.fromTag}
 * and {@code ListOfTags} OR them), and resources listed by ARN; both minus the exclusions
 * ({@code NotResources}).
 *
 * <p>Rules are checked by AWS's rules before synth (delete at least cold + 90 days, continuous
 * backup 1-35 days without a cold tier, windows, cron syntax); an invalid plan throws.
 */
public class RuleBasedBackupPlan extends Construct {

    /**
     * Props of {@link RuleBasedBackupPlan}.
     *
     * @param planName the plan name; required
     * @param vaultName the target vault; required
     * @param rules the rules; required, at least one (presets: {@link RuleConfig#of})
     * @param lock the target vault's lock, to check retention against; default none
     * @param drVaultArn the vault rules with {@code copyToDr} copy to; default none (no copy allowed)
     * @param selection the tags, ARNs and exclusions; required
     * @param protectedArns resource ARNs protected besides {@code selection.resourceArns()} (the
     *     workload's databases); default none
     * @param role the role AWS Backup assumes to back up the selected resources; required
     */
    public record Props(String planName, String vaultName, List<RuleConfig> rules, VaultLockConfig lock, String drVaultArn,
                        SelectionConfig selection, List<String> protectedArns, IRole role) {
        public Props {
            Objects.requireNonNull(planName, "planName");
            Objects.requireNonNull(vaultName, "vaultName");
            rules = List.copyOf(rules);
            Objects.requireNonNull(selection, "selection");
            protectedArns = protectedArns == null ? List.of() : List.copyOf(protectedArns);
            Objects.requireNonNull(role, "role");
        }
    }

    private final CfnBackupPlan plan;
    private final List<CfnBackupSelection> selections = new ArrayList<>();

    public RuleBasedBackupPlan(Construct scope, String id, Props props) {
        super(scope, id);
        List<ConfigProblems.Entry> problems = BackupConfig.checkRules(props.rules(), props.lock(),
                props.drVaultArn() == null ? null : "dr");
        if (props.rules().isEmpty() || !problems.isEmpty()) {
            throw new IllegalArgumentException("invalid backup rules for plan " + props.planName() + ": "
                    + (props.rules().isEmpty() ? "expected at least one rule"
                    : problems.stream().map(e -> e.path() + ": " + e.message()).collect(Collectors.joining("; "))));
        }
        List<Object> rules = new ArrayList<>();
        for (RuleConfig rule : props.rules()) {
            CfnBackupPlan.BackupRuleResourceTypeProperty.Builder r = CfnBackupPlan.BackupRuleResourceTypeProperty.builder()
                    .ruleName(rule.name())
                    .targetBackupVault(props.vaultName())
                    .scheduleExpression(rule.schedule())
                    .scheduleExpressionTimezone(rule.timeZone())
                    .startWindowMinutes(rule.startWindowMinutes())
                    .completionWindowMinutes(rule.completionWindowMinutes())
                    .enableContinuousBackup(rule.continuousBackup())
                    .lifecycle(lifecycle(rule.lifecycle()));
            if (!rule.recoveryPointTags().isEmpty()) {
                r.recoveryPointTags(rule.recoveryPointTags());
            }
            if (rule.copyToDr() != null) {
                r.copyActions(List.of(CfnBackupPlan.CopyActionResourceTypeProperty.builder()
                        .destinationBackupVaultArn(props.drVaultArn())
                        .lifecycle(lifecycle(rule.copyToDr())).build()));
            }
            rules.add(r.build());
        }
        plan = CfnBackupPlan.Builder.create(this, "Plan")
                .backupPlan(CfnBackupPlan.BackupPlanResourceTypeProperty.builder()
                        .backupPlanName(props.planName())
                        .backupPlanRule(rules).build())
                .build();
        SelectionConfig selection = props.selection();
        List<String> excluded = selection.excludeArns();
        if (!selection.tags().isEmpty()) {
            // One StringEquals entry per tag: AWS Backup ANDs the entries of Conditions.
            // Conditions is typed Object in the L1, so jsii cannot map a builder's camelCase keys:
            // the CloudFormation shape is written out.
            List<Object> equals = new ArrayList<>();
            selection.tags().forEach((k, v) -> equals.add(new java.util.TreeMap<>(Map.of(
                    "ConditionKey", "aws:ResourceTag/" + k, "ConditionValue", v))));
            selections.add(selection("TaggedResources", props, "tagged", List.of("*"), excluded,
                    Map.of("StringEquals", equals)));
        }
        List<String> listed = new ArrayList<>(props.protectedArns());
        listed.addAll(selection.resourceArns());
        if (!listed.isEmpty()) {
            selections.add(selection("ListedResources", props, "listed", listed, excluded, null));
        }
    }

    private CfnBackupSelection selection(String id, Props props, String name, List<String> resources,
                                         List<String> excluded, Object conditions) {
        CfnBackupSelection.BackupSelectionResourceTypeProperty.Builder s =
                CfnBackupSelection.BackupSelectionResourceTypeProperty.builder()
                        .selectionName(props.planName() + "-" + name)
                        .iamRoleArn(props.role().getRoleArn())
                        .resources(resources);
        if (conditions != null) {
            s.conditions(conditions);
        }
        if (!excluded.isEmpty()) {
            s.notResources(excluded);
        }
        return CfnBackupSelection.Builder.create(this, id)
                .backupPlanId(plan.getAttrBackupPlanId())
                .backupSelection(s.build())
                .build();
    }

    private static CfnBackupPlan.LifecycleResourceTypeProperty lifecycle(LifecycleConfig lifecycle) {
        return CfnBackupPlan.LifecycleResourceTypeProperty.builder()
                .moveToColdStorageAfterDays(lifecycle.coldStorageAfterDays())
                .deleteAfterDays(lifecycle.deleteAfterDays())
                .build();
    }

    public CfnBackupPlan plan() {
        return plan;
    }

    public List<CfnBackupSelection> selections() {
        return List.copyOf(selections);
    }
}
