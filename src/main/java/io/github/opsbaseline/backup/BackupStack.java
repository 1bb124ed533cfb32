package io.github.opsbaseline.backup;

import io.github.opsbaseline.compliance.KeyGrantGuard;
import io.github.opsbaseline.config.BackupConfig;
import io.github.opsbaseline.config.BackupConfig.AuditConfig;
import io.github.opsbaseline.config.BackupConfig.RestoreResourceType;
import io.github.opsbaseline.config.BackupConfig.RuleConfig;
import io.github.opsbaseline.config.WorkloadConfig.DatabaseConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * The backup baseline of one environment: the encrypted (optionally locked) vault, the plan and its
 * selections, copies to the DR vault of {@link BackupDrStack}, failed-job alerts, restore tests,
 * Backup Audit Manager reports, the replicated application backup bucket and the DR health check.
 */
public class BackupStack extends Stack {

    /** AWS managed policies AWS Backup documents for its service role (backup and restore, S3 included). */
    public static final List<String> BACKUP_ROLE_POLICIES = List.of(
            "service-role/AWSBackupServiceRolePolicyForBackup", "service-role/AWSBackupServiceRolePolicyForRestores",
            "AWSBackupServiceRolePolicyForS3Backup", "AWSBackupServiceRolePolicyForS3Restore");

    private final EncryptedBackupVault vault;
    private final RuleBasedBackupPlan plan;
    private final RestoreTesting restoreTesting;
    private final BackupAuditReports audit;
    private final ReplicatedBackupBucket applicationBucket;
    private final DrHealthCheck drHealthCheck;

    public BackupStack(Construct scope, String id, BackupStackProps props) {
        super(scope, id, props.stack());
        BackupConfig backup = props.backup();
        BackupNames names = new BackupNames(props.names(), getAccount(), props.dr() == null ? null : props.dr().drRegion());
        String drVaultArn = props.dr() == null ? null : props.dr().drVaultArn();

        Key storageKey = KeyGrantGuard.guard(Key.Builder.create(this, "StorageKey")
                .description("Encrypts the backup reports, the application backup bucket and the DR health check's logs")
                .enableKeyRotation(true)
                .removalPolicy(props.removalPolicy())
                .build());
        storageKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudWatchLogsEncryptsLogGroups")
                .principals(List.of(new ServicePrincipal("logs." + getRegion() + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                        "arn:" + getPartition() + ":logs:" + getRegion() + ":" + getAccount() + ":log-group:*")))
                .build());
        boolean needsBuckets = backup.audit().enabled() || backup.applicationBucket().enabled();
        Bucket accessLogs = needsBuckets ? HardenedBuckets.accessLogs(this, "AccessLogs", storageKey, props.removalPolicy(), 365) : null;

        vault = new EncryptedBackupVault(this, "Vault", new EncryptedBackupVault.Props(
                names.vaultName(), props.removalPolicy(), backup.vaultLock(), props.alertTopics().warning()));

        Role role = Role.Builder.create(this, "BackupRole")
                .assumedBy(new ServicePrincipal("backup.amazonaws.com"))
                .description("AWS Backup backs up, copies and test-restores the selected resources with this role")
                .managedPolicies(BACKUP_ROLE_POLICIES.stream().map(ManagedPolicy::fromAwsManagedPolicyName).toList())
                .build();
        Nag.suppress(role, "AwsSolutions-IAM4", "The AWS Backup service role policies are the ones AWS documents and "
                + "keeps current for every resource type Backup supports; a tag-based selection can include any of them.");

        List<String> instanceArns = new ArrayList<>();
        List<String> clusterArns = new ArrayList<>();
        for (DatabaseConfig db : props.databases()) {
            (db.isCluster() ? clusterArns : instanceArns).add(formatArn(ArnComponents.builder()
                    .service("rds").resource(db.isCluster() ? "cluster" : "db").resourceName(db.identifier())
                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build()));
        }
        List<String> databaseArns = new ArrayList<>(instanceArns);
        databaseArns.addAll(clusterArns);

        plan = new RuleBasedBackupPlan(this, "Plan", new RuleBasedBackupPlan.Props(
                props.names().name("plan"), vault.vaultName(), backup.rules(), backup.vaultLock(), drVaultArn,
                backup.selection(), databaseArns, role));
        plan.plan().addResourceDependency(vault.vault());

        new BackupJobAlerts(this, "JobAlerts", new BackupJobAlerts.Props(
                props.names(), props.alertTopics(), List.of(vault.vaultName())));

        // A restore testing selection takes at most 30 ARNs (AWS Backup): the first 30 of a type, in the
        // file's order, are tested, and the synth says so with a warning rather than leaving it silent.
        Map<RestoreResourceType, List<String>> allByType = new EnumMap<>(RestoreResourceType.class);
        allByType.put(RestoreResourceType.RDS, instanceArns);
        allByType.put(RestoreResourceType.AURORA, clusterArns);
        Map<RestoreResourceType, List<String>> arnsByType = new EnumMap<>(RestoreResourceType.class);
        allByType.forEach((type, arns) -> arnsByType.put(type, arns.subList(0, Math.min(arns.size(), RestoreTesting.MAX_ARNS))));
        List<RestoreResourceType> restoreTypes = backup.restoreTesting().resourceTypes(props.databases());
        restoreTesting = backup.restoreTesting().enabled()
                ? new RestoreTesting(this, "RestoreTesting", new RestoreTesting.Props(
                        names.underscored("restore-test"), backup.restoreTesting().withResourceTypes(restoreTypes),
                        vault.vaultArn(), role, arnsByType,
                        backup.selection().tags()))
                : null;
        if (restoreTesting != null) {
            for (var type : allByType.keySet()) {
                int all = allByType.get(type).size();
                if (all > RestoreTesting.MAX_ARNS && restoreTypes.contains(type)) {
                    Annotations.of(restoreTesting).addWarningV2("ops-baseline:restoreTestsFirst30" + type.awsName(),
                            "restore tests cover the first " + RestoreTesting.MAX_ARNS + " of " + all + " " + type.awsName()
                            + " databases, in the order of workload.databases (AWS Backup selects at most "
                            + RestoreTesting.MAX_ARNS + " ARNs per resource type)");
                }
            }
        }

        AuditConfig auditConfig = backup.audit();
        if (auditConfig.enabled()) {
            Set<String> types = new LinkedHashSet<>();
            if (!instanceArns.isEmpty()) {
                types.add("RDS");
            }
            if (!clusterArns.isEmpty()) {
                types.add("Aurora");
            }
            restoreTypes.forEach(t -> types.add(t.awsName()));
            int minRetention = auditConfig.minRetentionDays() != null ? auditConfig.minRetentionDays()
                    : backup.rules().stream().mapToInt(RuleConfig::deleteAfterDays).min().orElse(1);
            audit = new BackupAuditReports(this, "Audit", new BackupAuditReports.Props(
                    names.underscored("backup-controls"), auditConfig.effectiveControls(backup,
                            props.removalPolicy() == RemovalPolicy.RETAIN),
                    auditConfig.reportFormats(), minRetention, auditConfig.maxRecoveryPointAgeHours(),
                    backup.vaultLock(), props.dr() == null ? null : props.dr().drRegion(), List.copyOf(types),
                    storageKey, accessLogs, props.removalPolicy()));
        } else {
            audit = null;
        }

        applicationBucket = backup.applicationBucket().enabled()
                ? new ReplicatedBackupBucket(this, "ApplicationBackups", new ReplicatedBackupBucket.Props(
                        backup.applicationBucket(), storageKey, accessLogs, props.removalPolicy(), props.dr()))
                : null;

        drHealthCheck = backup.drHealthCheck().enabled()
                ? new DrHealthCheck(this, "DrHealthCheck", new DrHealthCheck.Props(
                        props.names(), props.alertTopics(), vault.vaultName(), drVaultArn, checkedArns(databaseArns, backup),
                        props.healthUrls(), backup.drHealthCheck().maxRecoveryPointAgeHours(),
                        Duration.minutes(backup.drHealthCheck().everyMinutes()), storageKey, props.removalPolicy(),
                        props.healthCheckVpcId(), backup.drHealthCheck().subnetIds(),
                        backup.drHealthCheck().reserveConcurrency()))
                : null;
    }

    /**
     * What the DR check expects a recovery point of: the databases and the selection's listed ARNs,
     * less the excluded ones (never backed up, so the check would fail on them for ever).
     */
    private static List<String> checkedArns(List<String> databaseArns, BackupConfig backup) {
        List<String> arns = new ArrayList<>(databaseArns);
        arns.addAll(backup.selection().includedResourceArns());
        return arns;
    }

    public EncryptedBackupVault vault() {
        return vault;
    }

    public RuleBasedBackupPlan plan() {
        return plan;
    }

    /** Null when restore testing is off. */
    public RestoreTesting restoreTesting() {
        return restoreTesting;
    }

    /** Null when the audit is off. */
    public BackupAuditReports audit() {
        return audit;
    }

    /** Null when the application bucket is off. */
    public ReplicatedBackupBucket applicationBucket() {
        return applicationBucket;
    }

    /** Null when the DR health check is off. */
    public DrHealthCheck drHealthCheck() {
        return drHealthCheck;
    }
}
