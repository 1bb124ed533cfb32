package io.github.opsbaseline.backup;

import io.github.opsbaseline.config.BackupConfig.AuditControl;
import io.github.opsbaseline.config.BackupConfig.ReportFormat;
import io.github.opsbaseline.config.BackupConfig.VaultLockConfig;
import io.github.opsbaseline.core.HardenedBucket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.backup.CfnFramework;
import software.amazon.awscdk.services.backup.CfnReportPlan;
import software.amazon.awscdk.services.iam.AccountRootPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * Backup Audit Manager (seed 003: compliance reports): a framework whose controls are evaluated
 * continuously (through AWS Config) with parameters taken from the plan itself, and report plans
 * that deliver the control compliance and backup job reports as CSV/JSON to a hardened bucket.
 */
public class BackupAuditReports extends Construct {

    /**
     * Props of {@link BackupAuditReports}.
     *
     * @param frameworkName framework and report plan prefix (letters, digits, underscores); required
     * @param controls controls to deploy; required, at least one
     * @param formats report formats; default CSV and JSON
     * @param minRetentionDays retention the frequency-and-retention control requires; required
     * @param maxRecoveryPointAgeHours age the last-recovery-point control accepts; default 24
     * @param lock the vault lock the lock control checks against; required for that control
     * @param drRegion the region the cross-region control expects copies in; required for that control
     * @param resourceTypes resource types the protection controls evaluate; default all
     * @param key the key the report bucket is encrypted with; required
     * @param accessLogs the server access log bucket; required
     * @param removalPolicy what deleting the stack does to the report bucket; default RETAIN
     */
    public record Props(String frameworkName, List<AuditControl> controls, List<ReportFormat> formats,
                        Integer minRetentionDays, Integer maxRecoveryPointAgeHours, VaultLockConfig lock, String drRegion,
                        List<String> resourceTypes, IKey key, Bucket accessLogs, RemovalPolicy removalPolicy) {
        public Props {
            Objects.requireNonNull(frameworkName, "frameworkName");
            controls = List.copyOf(controls);
            formats = formats == null ? List.of(ReportFormat.CSV, ReportFormat.JSON) : List.copyOf(formats);
            Objects.requireNonNull(minRetentionDays, "minRetentionDays");
            maxRecoveryPointAgeHours = maxRecoveryPointAgeHours == null ? Integer.valueOf(24) : maxRecoveryPointAgeHours;
            resourceTypes = resourceTypes == null ? List.of() : List.copyOf(resourceTypes);
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(accessLogs, "accessLogs");
            removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
        }
    }

    private final Bucket bucket;
    private final CfnFramework framework;

    public BackupAuditReports(Construct scope, String id, Props props) {
        super(scope, id);
        if (props.controls().isEmpty()) {
            throw new IllegalArgumentException("expected at least one audit control for " + props.frameworkName());
        }
        bucket = HardenedBuckets.encrypted(this, "ReportBucket", props.key(), props.accessLogs(), props.removalPolicy(),
                List.of(), null);
        String why = "Not replicated: Backup Audit Manager regenerates these reports from its own records on"
                + " demand; the evidence is the recovery points themselves (copied to the DR vault when the"
                + " environment has a drRegion).";
        HardenedBucket.notReplicated(bucket, why);
        // Reports are written by AWS Backup's service-linked role, which exists only after first use:
        // naming it as a principal would fail the deployment, so the account is the principal and
        // the role is a condition.
        String account = Stack.of(this).getAccount();
        String reportsRole = "arn:" + Stack.of(this).getPartition() + ":iam::" + account
                + ":role/aws-service-role/reports.backup.amazonaws.com/AWSServiceRoleForBackupReports";
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("BackupAuditManagerWritesReports")
                .effect(Effect.ALLOW)
                .principals(List.of(new AccountRootPrincipal()))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects("*")))
                .conditions(Map.of("ArnEquals", Map.of("aws:PrincipalArn", reportsRole)))
                .build());
        props.key().addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("BackupAuditManagerEncryptsReports")
                .effect(Effect.ALLOW)
                .principals(List.of(new AccountRootPrincipal()))
                .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnEquals", Map.of("aws:PrincipalArn", reportsRole)))
                .build());
        List<Object> controls = new ArrayList<>();
        for (AuditControl control : props.controls()) {
            controls.add(control(control, props));
        }
        framework = CfnFramework.Builder.create(this, "Framework")
                .frameworkName(props.frameworkName())
                .frameworkDescription("Backup controls of " + props.frameworkName() + " (ops-baseline)")
                .frameworkControls(controls)
                .build();
        List<String> formats = props.formats().stream().map(Enum::name).toList();
        report("ComplianceReport", props, "compliance", formats, "CONTROL_COMPLIANCE_REPORT", true);
        report("JobReport", props, "jobs", formats, "BACKUP_JOB_REPORT", false);
    }

    private void report(String id, Props props, String name, List<String> formats, String template, boolean framework) {
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("S3BucketName", bucket.getBucketName());
        delivery.put("S3KeyPrefix", name);
        delivery.put("Formats", formats);
        Map<String, Object> setting = new LinkedHashMap<>();
        setting.put("ReportTemplate", template);
        if (framework) {
            setting.put("FrameworkArns", List.of(this.framework.getAttrFrameworkArn()));
        }
        CfnReportPlan.Builder.create(this, id)
                .reportPlanName(props.frameworkName() + "_" + name)
                .reportPlanDescription(template + " of " + props.frameworkName())
                .reportDeliveryChannel(delivery)
                .reportSetting(setting)
                .build();
    }

    private static CfnFramework.FrameworkControlProperty control(AuditControl control, Props props) {
        Map<String, String> params = new LinkedHashMap<>();
        boolean scoped = true;
        switch (control) {
            case BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK -> {
                params.put("requiredFrequencyUnit", "hours");
                params.put("requiredFrequencyValue", "24");
                params.put("requiredRetentionDays", String.valueOf(props.minRetentionDays()));
                scoped = false;
            }
            case BACKUP_LAST_RECOVERY_POINT_CREATED -> {
                params.put("recoveryPointAgeUnit", "hours");
                params.put("recoveryPointAgeValue", String.valueOf(props.maxRecoveryPointAgeHours()));
            }
            case BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION -> {
                if (props.drRegion() == null) {
                    throw new IllegalArgumentException(control + " needs the DR region");
                }
                params.put("crossRegionList", props.drRegion());
            }
            case BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK -> {
                if (props.lock() == null) {
                    throw new IllegalArgumentException(control + " needs the vault lock");
                }
                params.put("minRetentionDays", String.valueOf(props.lock().minRetentionDays()));
                params.put("maxRetentionDays", String.valueOf(props.lock().maxRetentionDays()));
            }
            case BACKUP_RECOVERY_POINT_ENCRYPTED, BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED -> scoped = false;
            default -> { }
        }
        CfnFramework.FrameworkControlProperty.Builder c = CfnFramework.FrameworkControlProperty.builder()
                .controlName(control.name());
        if (!params.isEmpty()) {
            List<Object> input = new ArrayList<>();
            params.forEach((k, v) -> input.add(CfnFramework.ControlInputParameterProperty.builder()
                    .parameterName(k).parameterValue(v).build()));
            c.controlInputParameters(input);
        }
        if (scoped && !props.resourceTypes().isEmpty()) {
            c.controlScope(Map.of("ComplianceResourceTypes", props.resourceTypes()));
        }
        return c.build();
    }

    public Bucket bucket() {
        return bucket;
    }

    public CfnFramework framework() {
        return framework;
    }
}
