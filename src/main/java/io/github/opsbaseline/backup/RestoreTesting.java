package io.github.opsbaseline.backup;

import io.github.opsbaseline.config.BackupConfig.RestoreNetwork;
import io.github.opsbaseline.config.BackupConfig.RestoreResourceType;
import io.github.opsbaseline.config.BackupConfig.RestoreTestingConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awscdk.services.backup.CfnRestoreTestingPlan;
import software.amazon.awscdk.services.backup.CfnRestoreTestingSelection;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.Construct;

/**
 * A restore testing plan (seed 003: "monthly backup restoration tests"): on schedule AWS Backup
 * restores a recent recovery point of each selected resource type from the vault, keeps it for the
 * validation window, then deletes it. A failed restore raises a {@code Restore Job State Change}
 * event with status FAILED, which {@link BackupJobAlerts} pages on.
 */
public class RestoreTesting extends Construct {

    /** Restore testing selects at most this many ARNs per selection (AWS Backup). */
    public static final int MAX_ARNS = 30;

    /**
     * Props of {@link RestoreTesting}.
     *
     * @param planName the plan name (letters, digits, underscores); required
     * @param settings schedule, windows and resource types; default {@link RestoreTestingConfig#defaults()}
     * @param vaultArn the vault whose recovery points are tested; required
     * @param role the role AWS Backup restores with; required
     * @param arnsByType resources to test per type (e.g. the workload's databases); a type without
     *     ARNs tests any resource carrying {@code tags}; default none
     * @param tags the backup selection tags, used for types without ARNs; default none
     */
    public record Props(String planName, RestoreTestingConfig settings, String vaultArn, IRole role,
                        Map<RestoreResourceType, List<String>> arnsByType, Map<String, String> tags) {
        public Props {
            Objects.requireNonNull(planName, "planName");
            settings = settings == null ? RestoreTestingConfig.defaults() : settings;
            Objects.requireNonNull(vaultArn, "vaultArn");
            Objects.requireNonNull(role, "role");
            arnsByType = arnsByType == null ? Map.of() : arnsByType;
            // Sorted: the tags become template conditions, whose order must not depend on the caller's map.
            tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
        }
    }

    private final CfnRestoreTestingPlan plan;
    private final List<CfnRestoreTestingSelection> selections = new ArrayList<>();

    public RestoreTesting(Construct scope, String id, Props props) {
        super(scope, id);
        RestoreTestingConfig s = props.settings();
        plan = CfnRestoreTestingPlan.Builder.create(this, "Plan")
                .restoreTestingPlanName(props.planName())
                .scheduleExpression(s.schedule())
                .scheduleExpressionTimezone(s.timeZone())
                .startWindowHours(s.startWindowHours())
                .recoveryPointSelection(CfnRestoreTestingPlan.RestoreTestingRecoveryPointSelectionProperty.builder()
                        .algorithm("LATEST_WITHIN_WINDOW")
                        .includeVaults(List.of(props.vaultArn()))
                        .recoveryPointTypes(List.of("SNAPSHOT"))
                        .selectionWindowDays(s.selectionWindowDays())
                        .build())
                .build();
        for (RestoreResourceType type : s.resourceTypes(List.of())) {
            List<String> arns = props.arnsByType().getOrDefault(type, List.of());
            if (arns.size() > MAX_ARNS) {
                // refused rather than cut: the resources past the limit would silently never be tested
                throw new IllegalArgumentException("restore testing selects at most " + MAX_ARNS + " ARNs per resource type"
                        + " (an AWS Backup limit), got " + arns.size() + " for " + type.awsName());
            }
            CfnRestoreTestingSelection.Builder sel = CfnRestoreTestingSelection.Builder.create(this, type.awsName())
                    .restoreTestingPlanName(plan.getRestoreTestingPlanName())
                    .restoreTestingSelectionName(type.awsName().toLowerCase(java.util.Locale.ROOT) + "_restore_test")
                    .protectedResourceType(type.awsName())
                    .iamRoleArn(props.role().getRoleArn())
                    .validationWindowHours(s.validationWindowHours());
            if (!arns.isEmpty()) {
                sel.protectedResourceArns(arns);
            } else {
                // "*" with conditions: any resource of the type that carries every selection tag.
                sel.protectedResourceArns(List.of("*"));
                if (!props.tags().isEmpty()) {
                    List<Object> equals = new ArrayList<>();
                    props.tags().forEach((k, v) -> equals.add(CfnRestoreTestingSelection.KeyValueProperty.builder()
                            .key("aws:ResourceTag/" + k).value(v).build()));
                    sel.protectedResourceConditions(CfnRestoreTestingSelection.ProtectedResourceConditionsProperty.builder()
                            .stringEquals(equals).build());
                }
            }
            if (s.databaseNetwork() != null && (type == RestoreResourceType.RDS || type == RestoreResourceType.AURORA)) {
                sel.restoreMetadataOverrides(networkOverrides(s.databaseNetwork()));
            }
            CfnRestoreTestingSelection selection = sel.build();
            selection.addResourceDependency(plan);
            selections.add(selection);
        }
    }

    /**
     * AWS Backup's restore metadata for the network, keys as its restore-testing guide names them
     * (it reads them case-insensitively); the security groups as a JSON list in one string, as the
     * restore job metadata carries them.
     */
    static Map<String, String> networkOverrides(RestoreNetwork network) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("dbSubnetGroupName", network.dbSubnetGroupName());
        if (!network.securityGroupIds().isEmpty()) {
            overrides.put("vpcSecurityGroupIds", network.securityGroupIds().stream()
                    .map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]")));
        }
        return overrides;
    }

    public CfnRestoreTestingPlan plan() {
        return plan;
    }

    public List<CfnRestoreTestingSelection> selections() {
        return List.copyOf(selections);
    }
}
