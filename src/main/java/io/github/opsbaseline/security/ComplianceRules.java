package io.github.opsbaseline.security;

import io.github.opsbaseline.config.ComplianceStandard;
import io.github.opsbaseline.core.OrderedMaps;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one table from compliance standard to the AWS Config managed rules (source identifiers) that
 * give evidence for it. Only rules that need no per-environment parameters are listed; the few
 * whose AWS defaults would misjudge the baseline get fixed ones ({@link #parameters}). An
 * environment gets the union of its standards' rules, de-duplicated and sorted, so the order of
 * the compliance list never changes the template.
 */
public final class ComplianceRules {

    private ComplianceRules() { }

    public static final Map<ComplianceStandard, List<String>> TABLE = table();

    private static Map<ComplianceStandard, List<String>> table() {
        Map<ComplianceStandard, List<String>> t = new EnumMap<>(ComplianceStandard.class);
        t.put(ComplianceStandard.CIS, List.of(
                "ROOT_ACCOUNT_MFA_ENABLED", "IAM_ROOT_ACCESS_KEY_CHECK", "IAM_PASSWORD_POLICY",
                "MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS", "ACCESS_KEYS_ROTATED", "IAM_USER_UNUSED_CREDENTIALS_CHECK",
                "IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS", "MULTI_REGION_CLOUD_TRAIL_ENABLED",
                "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", "CLOUD_TRAIL_ENCRYPTION_ENABLED",
                "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED", "CMK_BACKING_KEY_ROTATION_ENABLED", "VPC_FLOW_LOGS_ENABLED",
                "VPC_DEFAULT_SECURITY_GROUP_CLOSED", "INCOMING_SSH_DISABLED",
                "S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC", "S3_BUCKET_SSL_REQUESTS_ONLY", "ENCRYPTED_VOLUMES",
                "RDS_STORAGE_ENCRYPTED", "EC2_IMDSV2_CHECK"));
        t.put(ComplianceStandard.PCI_DSS, List.of(
                "CLOUD_TRAIL_ENABLED", "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED", "CLOUD_TRAIL_ENCRYPTION_ENABLED",
                "CMK_BACKING_KEY_ROTATION_ENABLED", "GUARDDUTY_ENABLED_CENTRALIZED", "IAM_ROOT_ACCESS_KEY_CHECK",
                "ROOT_ACCOUNT_MFA_ENABLED", "IAM_PASSWORD_POLICY", "IAM_USER_MFA_ENABLED",
                "RDS_INSTANCE_PUBLIC_ACCESS_CHECK", "RDS_SNAPSHOTS_PUBLIC_PROHIBITED", "RDS_STORAGE_ENCRYPTED",
                "S3_BUCKET_PUBLIC_READ_PROHIBITED", "S3_BUCKET_PUBLIC_WRITE_PROHIBITED",
                "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "S3_BUCKET_SSL_REQUESTS_ONLY",
                "ALB_HTTP_TO_HTTPS_REDIRECTION_CHECK", "ALB_WAF_ENABLED", "VPC_FLOW_LOGS_ENABLED",
                "EBS_SNAPSHOT_PUBLIC_RESTORABLE_CHECK"));
        t.put(ComplianceStandard.HIPAA, List.of(
                "CLOUD_TRAIL_ENABLED", "CLOUD_TRAIL_ENCRYPTION_ENABLED", "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED",
                "ENCRYPTED_VOLUMES", "RDS_STORAGE_ENCRYPTED", "RDS_MULTI_AZ_SUPPORT", "DB_INSTANCE_BACKUP_ENABLED",
                "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "S3_BUCKET_SSL_REQUESTS_ONLY",
                "S3_BUCKET_VERSIONING_ENABLED", "S3_BUCKET_LOGGING_ENABLED", "ELB_LOGGING_ENABLED",
                "ELB_TLS_HTTPS_LISTENERS_ONLY", "CW_LOGGROUP_RETENTION_PERIOD_CHECK", "GUARDDUTY_ENABLED_CENTRALIZED",
                "IAM_USER_MFA_ENABLED", "ELASTICACHE_REDIS_CLUSTER_AUTOMATIC_BACKUP_CHECK"));
        t.put(ComplianceStandard.NIST_800_53_R5, List.of(
                "CLOUD_TRAIL_ENABLED", "MULTI_REGION_CLOUD_TRAIL_ENABLED", "CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED",
                "CLOUDWATCH_ALARM_ACTION_CHECK", "CW_LOGGROUP_RETENTION_PERIOD_CHECK",
                "CMK_BACKING_KEY_ROTATION_ENABLED", "KMS_CMK_NOT_SCHEDULED_FOR_DELETION",
                "GUARDDUTY_ENABLED_CENTRALIZED", "SECURITYHUB_ENABLED", "IAM_NO_INLINE_POLICY_CHECK",
                "RDS_LOGGING_ENABLED", "RDS_INSTANCE_DELETION_PROTECTION_ENABLED", "S3_DEFAULT_ENCRYPTION_KMS",
                "VPC_FLOW_LOGS_ENABLED", "RESTRICTED_INCOMING_TRAFFIC", "EC2_INSTANCE_NO_PUBLIC_IP"));
        t.put(ComplianceStandard.SOC2, List.of(
                "CLOUD_TRAIL_ENABLED", "MULTI_REGION_CLOUD_TRAIL_ENABLED", "GUARDDUTY_ENABLED_CENTRALIZED",
                "IAM_USER_MFA_ENABLED", "ROOT_ACCOUNT_MFA_ENABLED", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED",
                "S3_BUCKET_PUBLIC_READ_PROHIBITED", "RDS_STORAGE_ENCRYPTED", "DB_INSTANCE_BACKUP_ENABLED",
                "CLOUDWATCH_ALARM_ACTION_CHECK", "VPC_FLOW_LOGS_ENABLED"));
        t.put(ComplianceStandard.GDPR, List.of(
                "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED", "S3_BUCKET_PUBLIC_READ_PROHIBITED",
                "S3_BUCKET_PUBLIC_WRITE_PROHIBITED", "RDS_STORAGE_ENCRYPTED", "ENCRYPTED_VOLUMES",
                "CLOUD_TRAIL_ENABLED", "CLOUD_TRAIL_ENCRYPTION_ENABLED", "CMK_BACKING_KEY_ROTATION_ENABLED",
                "DB_INSTANCE_BACKUP_ENABLED", "S3_BUCKET_VERSIONING_ENABLED"));
        return java.util.Collections.unmodifiableMap(t);
    }

    /**
     * The input parameters of a rule, or null for AWS's defaults. CLOUDWATCH_ALARM_ACTION_CHECK's
     * defaults also require an INSUFFICIENT_DATA action, which no baseline alarm has (it would page
     * on every metric gap), so every alarm would read NON_COMPLIANT; the values are those Security
     * Hub's own control CloudWatch.15 uses.
     */
    public static Map<String, Object> parameters(String identifier) {
        return identifier.equals("CLOUDWATCH_ALARM_ACTION_CHECK")
                ? OrderedMaps.of("alarmActionRequired", "true", "insufficientDataActionRequired", "false",
                        "okActionRequired", "false")
                : null;
    }

    /** The managed rule identifiers for these standards: union, de-duplicated, sorted. */
    public static List<String> forStandards(Collection<ComplianceStandard> standards) {
        TreeSet<String> rules = new TreeSet<>();
        for (ComplianceStandard s : standards) {
            rules.addAll(TABLE.getOrDefault(s, List.of()));
        }
        return List.copyOf(rules);
    }
}
