package io.github.opsbaseline.config;

import static io.github.opsbaseline.config.JsonPaths.field;
import static io.github.opsbaseline.config.JsonPaths.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The backup section of the environment file: what is backed up, when, for how long, where the
 * copies go and how recovery is proven.
 *
 * @param rules the backup plan's rules; default one rule from the {@code daily} preset
 * @param selection which resources the plan protects; default tag {@code backup=true} and the
 *     workload's databases
 * @param vaultLock a write-once lock on the vaults; default none
 * @param restoreTesting monthly restore tests; default on (see {@link RestoreTestingConfig})
 * @param audit Backup Audit Manager framework and reports; default on with every control that applies
 * @param applicationBucket the versioned bucket applications write their own backups to; default on
 * @param drHealthCheck the scheduled disaster-recovery check; default hourly, on when given subnets
 */
public record BackupConfig(
        List<RuleConfig> rules,
        SelectionConfig selection,
        VaultLockConfig vaultLock,
        RestoreTestingConfig restoreTesting,
        AuditConfig audit,
        ApplicationBucketConfig applicationBucket,
        DrHealthCheckConfig drHealthCheck) {

    /** AWS keeps a recovery point in cold storage at least this long (Lifecycle, AWS Backup API). */
    public static final int COLD_STORAGE_MINIMUM_DAYS = 90;
    /** AWS's upper bound for a lifecycle and for vault lock retention: 100 years. */
    public static final int MAX_RETENTION_DAYS = 36_500;
    /** AWS Backup's start window must be at least an hour; the completion window an hour longer. */
    public static final int MIN_WINDOW_MINUTES = 60;
    /** AWS's upper bound for start and completion windows: 100 years in minutes. */
    public static final int MAX_WINDOW_MINUTES = 52_560_000;

    public BackupConfig {
        rules = rules == null ? List.of(RuleConfig.of(BackupRulePreset.DAILY)) : List.copyOf(rules);
        selection = selection == null ? SelectionConfig.defaults() : selection;
        restoreTesting = restoreTesting == null ? RestoreTestingConfig.defaults() : restoreTesting;
        audit = audit == null ? AuditConfig.defaults() : audit;
        applicationBucket = applicationBucket == null ? ApplicationBucketConfig.defaults() : applicationBucket;
        drHealthCheck = drHealthCheck == null ? DrHealthCheckConfig.defaults() : drHealthCheck;
    }

    public static BackupConfig defaults() {
        return new BackupConfig(null, null, null, null, null, null, null);
    }

    void validate(ConfigProblems problems, String path, EnvironmentConfig env) {
        if (env.drRegion() != null && env.account() == null) {
            problems.add(field(JsonPaths.ROOT, "account"), "missing: a drRegion needs the account set "
                    + "(the DR vault and replica bucket ARNs are built from it)");
        }
        String rulesPath = field(path, "rules");
        if (rules.isEmpty()) {
            problems.add(rulesPath, "expected at least one backup rule, found none");
        }
        WorkloadConfig.validateAll(problems, rulesPath, rules, (rule, p, rp) -> rule.validate(p, rp, env.drRegion(), vaultLock));
        problems.unique(rulesPath, rules, RuleConfig::name, "name");
        selection.validate(problems, field(path, "selection"), env);
        if (vaultLock != null) {
            vaultLock.validate(problems, field(path, "vaultLock"));
        }
        restoreTesting.validate(problems, field(path, "restoreTesting"));
        audit.validate(problems, field(path, "audit"), env, this);
        applicationBucket.validate(problems, field(path, "applicationBucket"));
        drHealthCheck.validate(problems, field(path, "drHealthCheck"), env);
    }

    /**
     * Checks rules built in code (not from a file) by the same rules as the environment file;
     * constructs call it and refuse to synthesize invalid plans. Paths start at {@code rules}.
     */
    public static List<ConfigProblems.Entry> checkRules(List<RuleConfig> rules, VaultLockConfig lock, String drRegion) {
        ConfigProblems problems = new ConfigProblems();
        WorkloadConfig.validateAll(problems, "rules", rules, (rule, p, rp) -> rule.validate(p, rp, drRegion, lock));
        problems.unique("rules", rules, RuleConfig::name, "name");
        if (lock != null) {
            lock.validate(problems, "vaultLock");
        }
        return problems.entries();
    }

    /** Reports each value of a list of plain values that appeared before, at its index. */
    private static <T> void duplicates(ConfigProblems problems, String listPath, List<T> values, String what) {
        if (values == null) {
            return;
        }
        java.util.Set<T> seen = new java.util.HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null && !seen.add(values.get(i))) {
                problems.add(index(listPath, i), "duplicate " + what + ": " + values.get(i));
            }
        }
    }

    /** The year a schedule is checked against: one naming only earlier years never runs. */
    private static int thisYear() {
        return java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
    }

    /**
     * The first problem of a schedule, as AWS reads it (see {@link AwsCron}): its form, then, for a
     * backup rule, AWS Backup's once-an-hour minimum, then whether it ever fires; null when none.
     */
    private static String scheduleProblem(String schedule, boolean backupRule) {
        String problem = AwsCron.problem(schedule);
        if (problem == null && backupRule) {
            problem = AwsCron.hourlyOrLessProblem(schedule);
        }
        return problem != null ? problem : AwsCron.neverFiresProblem(schedule, thisYear());
    }

    private static void addIf(ConfigProblems problems, String path, String message) {
        if (message != null) {
            problems.add(path, message);
        }
    }

    /** Whether any rule copies to the DR region. */
    public boolean copiesToDr() {
        return rules.stream().anyMatch(r -> r != null && r.copyToDr() != null);
    }

    /**
     * Where a rule's (or copy's) recovery points move and expire.
     *
     * @param coldStorageAfterDays days before moving to cold storage; default never
     * @param deleteAfterDays days before deletion; required for a copy, a rule takes its preset's
     */
    public record LifecycleConfig(Integer coldStorageAfterDays, Integer deleteAfterDays) {

        /** Checks AWS's lifecycle rules; {@code continuous} adds the point-in-time limits. */
        void validate(ConfigProblems problems, String path, boolean continuous, VaultLockConfig lock) {
            String delete = field(path, "deleteAfterDays");
            String cold = field(path, "coldStorageAfterDays");
            if (!problems.require(delete, deleteAfterDays)) {
                return;
            }
            if (continuous) {
                if (deleteAfterDays < 1 || deleteAfterDays > 35) {
                    problems.add(delete, "expected 1 to 35 days for continuous backup (point-in-time recovery), found "
                            + deleteAfterDays);
                }
                if (coldStorageAfterDays != null) {
                    problems.add(cold, "expected no cold tier for continuous backup (its recovery points "
                            + "cannot move to cold storage), found " + coldStorageAfterDays);
                }
            } else {
                problems.inRange(delete, deleteAfterDays, 1, MAX_RETENTION_DAYS);
                problems.inRange(cold, coldStorageAfterDays, 1, MAX_RETENTION_DAYS);
                if (coldStorageAfterDays != null && deleteAfterDays < coldStorageAfterDays + COLD_STORAGE_MINIMUM_DAYS) {
                    problems.add(delete, "expected at least coldStorageAfterDays + " + COLD_STORAGE_MINIMUM_DAYS + " = "
                            + (coldStorageAfterDays + COLD_STORAGE_MINIMUM_DAYS)
                            + " (AWS keeps a recovery point in cold storage for at least 90 days), found " + deleteAfterDays);
                }
            }
            if (lock != null && lock.minRetentionDays() != null && lock.maxRetentionDays() != null
                    && lock.minRetentionDays() <= lock.maxRetentionDays()
                    && (deleteAfterDays < lock.minRetentionDays() || deleteAfterDays > lock.maxRetentionDays())) {
                problems.add(delete, "expected a retention within the vault lock's " + lock.minRetentionDays() + " to "
                        + lock.maxRetentionDays() + " days ($.backup.vaultLock), found " + deleteAfterDays);
            }
        }
    }

    /**
     * One rule of the backup plan. Fields left out come from {@code preset}.
     *
     * @param name rule name (lower case, digits, dashes); default the preset's name
     * @param preset the preset the rule starts from: daily, weekly, monthly, continuous; default none
     * @param schedule AWS cron expression; default the preset's
     * @param timeZone IANA time zone the schedule is read in; default {@code UTC}
     * @param startWindowMinutes how long a job may wait to start; at least 60; default 60
     * @param completionWindowMinutes how long a started job may run; at least start + 60; default 720
     * @param coldStorageAfterDays days before cold storage; default the preset's (none without a preset)
     * @param deleteAfterDays days before deletion; default the preset's
     * @param continuousBackup point-in-time recovery (RDS, S3, SAP HANA); default the preset's, else false
     * @param recoveryPointTags tags put on every recovery point; default none
     * @param copyToDr copy each recovery point to the DR vault with this lifecycle; default no copy
     */
    public record RuleConfig(
            String name,
            BackupRulePreset preset,
            String schedule,
            String timeZone,
            Integer startWindowMinutes,
            Integer completionWindowMinutes,
            Integer coldStorageAfterDays,
            Integer deleteAfterDays,
            Boolean continuousBackup,
            Map<String, String> recoveryPointTags,
            LifecycleConfig copyToDr) {

        public RuleConfig {
            if (preset != null) {
                name = name == null ? preset.id() : name;
                schedule = schedule == null ? preset.schedule() : schedule;
                coldStorageAfterDays = coldStorageAfterDays == null ? preset.coldStorageAfterDays() : coldStorageAfterDays;
                deleteAfterDays = deleteAfterDays == null ? Integer.valueOf(preset.deleteAfterDays()) : deleteAfterDays;
                continuousBackup = continuousBackup == null ? Boolean.valueOf(preset.continuousBackup()) : continuousBackup;
            }
            timeZone = timeZone == null ? "UTC" : timeZone;
            startWindowMinutes = startWindowMinutes == null ? Integer.valueOf(MIN_WINDOW_MINUTES) : startWindowMinutes;
            completionWindowMinutes = completionWindowMinutes == null ? Integer.valueOf(720) : completionWindowMinutes;
            continuousBackup = continuousBackup != null && continuousBackup;
            recoveryPointTags = recoveryPointTags == null ? Map.of()
                    : Collections.unmodifiableMap(new TreeMap<>(recoveryPointTags));
        }

        /** A rule exactly as the preset defines it. */
        public static RuleConfig of(BackupRulePreset preset) {
            return new RuleConfig(null, preset, null, null, null, null, null, null, null, null, null);
        }

        /** This rule with a copy to the DR vault. */
        public RuleConfig withCopyToDr(LifecycleConfig copy) {
            return new RuleConfig(name, preset, schedule, timeZone, startWindowMinutes, completionWindowMinutes,
                    coldStorageAfterDays, deleteAfterDays, continuousBackup, recoveryPointTags, copy);
        }

        public LifecycleConfig lifecycle() {
            return new LifecycleConfig(coldStorageAfterDays, deleteAfterDays);
        }

        void validate(ConfigProblems problems, String path, String drRegion, VaultLockConfig lock) {
            if (problems.require(field(path, "name"), name)) {
                problems.matches(field(path, "name"), name, Patterns.NAME, "a rule name of lower-case letters, digits and dashes");
            }
            if (problems.require(field(path, "schedule"), schedule)) {
                addIf(problems, field(path, "schedule"), scheduleProblem(schedule, true));
            }
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                problems.add(field(path, "timeZone"), "expected an IANA time zone such as \"UTC\" or \"Asia/Singapore\", found "
                        + ConfigProblems.quote(timeZone));
            }
            if (startWindowMinutes < MIN_WINDOW_MINUTES || startWindowMinutes > MAX_WINDOW_MINUTES) {
                problems.add(field(path, "startWindowMinutes"), "expected " + MIN_WINDOW_MINUTES + " to " + MAX_WINDOW_MINUTES
                        + " minutes (AWS Backup's start window bounds), found " + startWindowMinutes);
            }
            int minCompletion = startWindowMinutes + MIN_WINDOW_MINUTES;
            if (completionWindowMinutes < minCompletion || completionWindowMinutes > MAX_WINDOW_MINUTES) {
                problems.add(field(path, "completionWindowMinutes"), "expected startWindowMinutes + 60 = " + minCompletion
                        + " to " + MAX_WINDOW_MINUTES + " minutes, found " + completionWindowMinutes);
            }
            lifecycle().validate(problems, path, continuousBackup, lock);
            recoveryPointTags.forEach((k, v) ->
                    EnvironmentConfig.checkTag(problems, field(field(path, "recoveryPointTags"), k), k, v));
            if (copyToDr != null) {
                if (drRegion == null) {
                    problems.add(field(path, "copyToDr"), "expected a drRegion for the environment to copy to, found none "
                            + "(set $.drRegion or remove the copy)");
                } else {
                    copyToDr.validate(problems, field(path, "copyToDr"), false, lock);
                }
            }
        }
    }

    /**
     * Which resources the plan protects. Tags are ANDed: a resource needs every one.
     *
     * @param tags resource tags that put a resource into the plan, all required; default {@code backup=true}
     * @param includeDatabases protect the workload's RDS instances and clusters by ARN; default true
     * @param resourceArns more resources to protect by ARN; default none
     * @param excludeArns resources never to back up, even when tagged; default none
     */
    public record SelectionConfig(Map<String, String> tags, Boolean includeDatabases, List<String> resourceArns,
                                  List<String> excludeArns) {

        public SelectionConfig {
            tags = tags == null ? Map.of("backup", "true") : Collections.unmodifiableMap(new TreeMap<>(tags));
            includeDatabases = includeDatabases == null || includeDatabases;
            resourceArns = resourceArns == null ? List.of() : List.copyOf(resourceArns);
            excludeArns = excludeArns == null ? List.of() : List.copyOf(excludeArns);
        }

        public static SelectionConfig defaults() {
            return new SelectionConfig(null, null, null, null);
        }

        /**
         * The workload databases the plan protects by ARN: none without includeDatabases, never read
         * replicas (AWS Backup skips them) nor one whose ARN is in excludeArns (it is never backed up,
         * so restore tests and the DR check must not expect it).
         */
        public List<WorkloadConfig.DatabaseConfig> databases(EnvironmentConfig env) {
            return includeDatabases ? env.workload().databases().stream().filter(java.util.Objects::nonNull)
                    .filter(db -> !db.readReplica()).filter(db -> !excluded(db, env)).toList() : List.of();
        }

        /** The resourceArns that are backed up: those not also in excludeArns. */
        public List<String> includedResourceArns() {
            return resourceArns.stream().filter(arn -> !excludeArns.contains(arn)).toList();
        }

        private boolean excluded(WorkloadConfig.DatabaseConfig db, EnvironmentConfig env) {
            // arn:<partition>:rds:<region>:<account>:db|cluster:<identifier>
            String tail = ":rds:" + env.region() + ":" + env.account() + ":" + (db.isCluster() ? "cluster:" : "db:") + db.identifier();
            return excludeArns.stream().anyMatch(arn -> arn != null && arn.startsWith("arn:") && arn.endsWith(tail)
                    && arn.indexOf(':', 4) == arn.length() - tail.length());
        }

        void validate(ConfigProblems problems, String path, EnvironmentConfig env) {
            if (tags.isEmpty() && resourceArns.isEmpty() && !(includeDatabases && !env.workload().databases().isEmpty())) {
                problems.add(path, "expected tags, resourceArns or workload databases to protect, found none");
            }
            // Only lengths and the reserved prefix: these match tags resources already carry, and some
            // services (EC2) allow any character in a tag, so the tagging character set would refuse a
            // selection that matches.
            tags.forEach((k, v) -> {
                if (k.isEmpty() || k.length() > 128 || EnvironmentConfig.reservedByAws(k) || v == null || v.isEmpty()
                        || v.length() > 256) {
                    problems.add(field(field(path, "tags"), k), "expected a tag key of 1-128 characters"
                            + " not starting with \"aws:\" in any case and a value of 1-256");
                }
            });
            for (int i = 0; i < resourceArns.size(); i++) {
                problems.matches(index(field(path, "resourceArns"), i), resourceArns.get(i), Patterns.ARN, "an ARN");
            }
            for (int i = 0; i < excludeArns.size(); i++) {
                problems.matches(index(field(path, "excludeArns"), i), excludeArns.get(i), Patterns.ARN, "an ARN");
            }
        }
    }

    /** Vault lock modes. */
    public enum LockMode {
        /** Users with the right IAM permission can still change or remove the lock. */
        @JsonProperty("governance") GOVERNANCE,
        /** After changeableForDays nobody, not even root or AWS, can change or remove the lock. */
        @JsonProperty("compliance") COMPLIANCE
    }

    /**
     * A write-once-read-many lock on the vaults (primary and DR).
     *
     * @param mode governance or compliance; required
     * @param minRetentionDays shortest retention a recovery point may have; required, 1 to 36,500
     * @param maxRetentionDays longest retention a recovery point may have; required, at least the minimum
     * @param changeableForDays compliance mode only: grace days (at least 3) before the lock is permanent
     */
    public record VaultLockConfig(LockMode mode, Integer minRetentionDays, Integer maxRetentionDays,
                                  Integer changeableForDays) {

        void validate(ConfigProblems problems, String path) {
            problems.require(field(path, "mode"), mode);
            if (problems.require(field(path, "minRetentionDays"), minRetentionDays)) {
                problems.inRange(field(path, "minRetentionDays"), minRetentionDays, 1, MAX_RETENTION_DAYS);
            }
            if (problems.require(field(path, "maxRetentionDays"), maxRetentionDays)) {
                problems.inRange(field(path, "maxRetentionDays"), maxRetentionDays, 1, MAX_RETENTION_DAYS);
                if (minRetentionDays != null && maxRetentionDays < minRetentionDays) {
                    problems.add(field(path, "maxRetentionDays"), "expected at least minRetentionDays ("
                            + minRetentionDays + "), found " + maxRetentionDays);
                }
            }
            if (mode == LockMode.GOVERNANCE && changeableForDays != null) {
                problems.add(field(path, "changeableForDays"), "expected none in governance mode (setting it makes the "
                        + "lock a compliance-mode lock), found " + changeableForDays);
            }
            if (mode == LockMode.COMPLIANCE && problems.require(field(path, "changeableForDays"), changeableForDays)) {
                problems.inRange(field(path, "changeableForDays"), changeableForDays, 3, MAX_RETENTION_DAYS);
            }
        }
    }

    /** Resource types a restore test can restore. */
    public enum RestoreResourceType {
        @JsonProperty("RDS") RDS("RDS"),
        @JsonProperty("Aurora") AURORA("Aurora"),
        @JsonProperty("EBS") EBS("EBS"),
        @JsonProperty("EFS") EFS("EFS"),
        @JsonProperty("S3") S3("S3"),
        @JsonProperty("DynamoDB") DYNAMODB("DynamoDB");

        private final String awsName;

        RestoreResourceType(String awsName) {
            this.awsName = awsName;
        }

        /** The {@code ProtectedResourceType} value. */
        public String awsName() {
            return awsName;
        }
    }

    /**
     * A restore testing plan: AWS Backup restores a recent recovery point, waits for validation,
     * then deletes the restored copy (seed 003: "monthly backup restoration tests").
     *
     * @param enabled whether to create it; default true
     * @param schedule AWS cron expression; default the first Sunday of the month, 05:00
     * @param timeZone IANA time zone of the schedule; default {@code UTC}
     * @param startWindowHours how long a test may wait to start, 1 to 168; default 24
     * @param validationWindowHours how long restored resources are kept for validation, 0 to 168; default 4
     * @param selectionWindowDays how recent the tested recovery point must be, 1 to 365; default 7
     * @param resourceTypes what to restore; default the workload's database kinds (RDS for instances,
     *     Aurora for clusters; RDS when it has none)
     * @param databaseNetwork where restored RDS and Aurora databases are placed; default where AWS Backup
     *     infers, the region's default VPC, without which every database restore test fails
     */
    public record RestoreTestingConfig(Boolean enabled, String schedule, String timeZone, Integer startWindowHours,
                                       Integer validationWindowHours, Integer selectionWindowDays,
                                       List<RestoreResourceType> resourceTypes, RestoreNetwork databaseNetwork) {

        public RestoreTestingConfig {
            enabled = enabled == null || enabled;
            schedule = schedule == null ? "cron(0 5 ? * 1#1 *)" : schedule;
            timeZone = timeZone == null ? "UTC" : timeZone;
            startWindowHours = startWindowHours == null ? Integer.valueOf(24) : startWindowHours;
            validationWindowHours = validationWindowHours == null ? Integer.valueOf(4) : validationWindowHours;
            selectionWindowDays = selectionWindowDays == null ? Integer.valueOf(7) : selectionWindowDays;
            resourceTypes = resourceTypes == null ? null : List.copyOf(resourceTypes);
        }

        public static RestoreTestingConfig defaults() {
            return new RestoreTestingConfig(null, null, null, null, null, null, null, null);
        }

        /** The configured types, or the kinds of {@code databases}: RDS for instances, Aurora for clusters. */
        public List<RestoreResourceType> resourceTypes(List<WorkloadConfig.DatabaseConfig> databases) {
            if (resourceTypes != null) {
                return resourceTypes;
            }
            List<RestoreResourceType> kinds = new java.util.ArrayList<>();
            if (databases.isEmpty() || databases.stream().anyMatch(db -> !db.isCluster())) {
                kinds.add(RestoreResourceType.RDS);
            }
            if (databases.stream().anyMatch(WorkloadConfig.DatabaseConfig::isCluster)) {
                kinds.add(RestoreResourceType.AURORA);
            }
            return List.copyOf(kinds);
        }

        /** These settings with the resource types made explicit. */
        public RestoreTestingConfig withResourceTypes(List<RestoreResourceType> types) {
            return new RestoreTestingConfig(enabled, schedule, timeZone, startWindowHours, validationWindowHours,
                    selectionWindowDays, types, databaseNetwork);
        }

        void validate(ConfigProblems problems, String path) {
            if (!enabled) {
                return;
            }
            addIf(problems, field(path, "schedule"), scheduleProblem(schedule, false));
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                problems.add(field(path, "timeZone"), "expected an IANA time zone such as \"UTC\", found "
                        + ConfigProblems.quote(timeZone));
            }
            problems.inRange(field(path, "startWindowHours"), startWindowHours, 1, 168);
            problems.inRange(field(path, "validationWindowHours"), validationWindowHours, 0, 168);
            problems.inRange(field(path, "selectionWindowDays"), selectionWindowDays, 1, 365);
            if (resourceTypes != null && resourceTypes.isEmpty()) {
                problems.add(field(path, "resourceTypes"), "expected at least one resource type, found none");
            }
            duplicates(problems, field(path, "resourceTypes"), resourceTypes, "resource type");
            if (databaseNetwork != null) {
                databaseNetwork.validate(problems, field(path, "databaseNetwork"));
            }
        }
    }

    /**
     * The network a restore test places a restored database in (AWS Backup's restore metadata
     * overrides {@code dbSubnetGroupName} and {@code vpcSecurityGroupIds}). AWS Backup otherwise
     * infers the default VPC, and fails the restore where there is none, as in accounts set up by
     * Control Tower.
     *
     * @param dbSubnetGroupName a DB subnet group of the workload's VPC; required
     * @param securityGroupIds the restored database's security groups; default the VPC's default group
     */
    public record RestoreNetwork(String dbSubnetGroupName, List<String> securityGroupIds) {

        /** RDS's rule for DB subnet group names: up to 255 letters, digits, periods, underscores, spaces and hyphens. */
        static final java.util.regex.Pattern SUBNET_GROUP = java.util.regex.Pattern.compile("[A-Za-z0-9._ -]{1,255}");
        static final java.util.regex.Pattern SECURITY_GROUP_ID = java.util.regex.Pattern.compile("sg-[0-9a-f]{8}([0-9a-f]{9})?");

        public RestoreNetwork {
            securityGroupIds = securityGroupIds == null ? List.of() : java.util.Collections.unmodifiableList(
                    new java.util.ArrayList<>(securityGroupIds));
        }

        void validate(ConfigProblems problems, String path) {
            if (problems.require(field(path, "dbSubnetGroupName"), dbSubnetGroupName)) {
                problems.matches(field(path, "dbSubnetGroupName"), dbSubnetGroupName, SUBNET_GROUP,
                        "a DB subnet group name (up to 255 letters, digits, periods, underscores, spaces and hyphens)");
            }
            for (int i = 0; i < securityGroupIds.size(); i++) {
                if (securityGroupIds.get(i) == null) {
                    problems.add(index(field(path, "securityGroupIds"), i), "expected a string, found null");
                } else {
                    problems.matches(index(field(path, "securityGroupIds"), i), securityGroupIds.get(i), SECURITY_GROUP_ID,
                            "a security group id (sg- and 8 or 17 hex digits)");
                }
            }
            duplicates(problems, field(path, "securityGroupIds"), securityGroupIds, "security group");
        }
    }

    /** Backup Audit Manager controls the baseline can deploy; their parameters come from the plan. */
    public enum AuditControl {
        BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN,
        BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK,
        BACKUP_RECOVERY_POINT_ENCRYPTED,
        BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED,
        BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION,
        BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK,
        BACKUP_LAST_RECOVERY_POINT_CREATED
    }

    /** Report formats Backup Audit Manager writes. */
    public enum ReportFormat { CSV, JSON }

    /**
     * Backup Audit Manager: a framework of controls and report plans (seed 003: compliance reports).
     * Needs AWS Config recording in the region (the SecurityStack's recorder).
     *
     * @param enabled whether to create them; default true
     * @param controls controls to evaluate; default every control that applies (cross-region only
     *     with copies to the DR region, vault lock only with a lock)
     * @param reportFormats formats of the delivered reports; default CSV and JSON
     * @param minRetentionDays retention the plan-frequency control requires; default the shortest rule's
     * @param maxRecoveryPointAgeHours age the last-recovery-point control accepts; default 26 (a daily
     *     job runs within its start window and takes a while, so its newest point is up to about 25 h
     *     old just before the next one lands; the DR health check uses the same 26)
     */
    public record AuditConfig(Boolean enabled, List<AuditControl> controls, List<ReportFormat> reportFormats,
                              Integer minRetentionDays, Integer maxRecoveryPointAgeHours) {

        public AuditConfig {
            enabled = enabled == null || enabled;
            controls = controls == null ? null : List.copyOf(controls);
            reportFormats = reportFormats == null ? List.of(ReportFormat.CSV, ReportFormat.JSON) : List.copyOf(reportFormats);
            maxRecoveryPointAgeHours = maxRecoveryPointAgeHours == null ? Integer.valueOf(26) : maxRecoveryPointAgeHours;
        }

        public static AuditConfig defaults() {
            return new AuditConfig(null, null, null, null, null);
        }

        /** The controls to deploy: the configured ones, or every control that applies to {@code backup}. */
        public List<AuditControl> effectiveControls(BackupConfig backup) {
            return effectiveControls(backup, backup.vaultLock() != null);
        }

        /**
         * The same, knowing whether the vault's access policy protects its recovery points (a
         * retained {@code EncryptedBackupVault} does): then the manual-deletion control applies.
         */
        public List<AuditControl> effectiveControls(BackupConfig backup, boolean recoveryPointsProtected) {
            if (controls != null) {
                return controls;
            }
            return java.util.Arrays.stream(AuditControl.values())
                    .filter(c -> c != AuditControl.BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION || backup.copiesToDr())
                    .filter(c -> c != AuditControl.BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK || backup.vaultLock() != null)
                    .filter(c -> c != AuditControl.BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED || recoveryPointsProtected)
                    .toList();
        }

        void validate(ConfigProblems problems, String path, EnvironmentConfig env, BackupConfig backup) {
            if (!enabled) {
                return;
            }
            String controlsPath = field(path, "controls");
            if (controls != null) {
                if (controls.isEmpty()) {
                    problems.add(controlsPath, "expected at least one control, found none");
                }
                for (int i = 0; i < controls.size(); i++) {
                    if (controls.get(i) == AuditControl.BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION && !backup.copiesToDr()) {
                        problems.add(index(controlsPath, i), "expected a rule with copyToDr for this control, found none");
                    }
                    if (controls.get(i) == AuditControl.BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK
                            && backup.vaultLock() == null) {
                        problems.add(index(controlsPath, i), "expected $.backup.vaultLock for this control, found none");
                    }
                }
                duplicates(problems, controlsPath, controls, "control");
            }
            if (reportFormats.isEmpty()) {
                problems.add(field(path, "reportFormats"), "expected CSV, JSON or both, found none");
            }
            problems.inRange(field(path, "minRetentionDays"), minRetentionDays, 1, MAX_RETENTION_DAYS);
            problems.inRange(field(path, "maxRecoveryPointAgeHours"), maxRecoveryPointAgeHours, 1, 744);
        }
    }

    /**
     * The bucket applications write their own backups to (dumps, exports), replicated to the DR region.
     *
     * @param enabled whether to create it; default true
     * @param infrequentAccessAfterDays days before S3 Standard-IA, at least 30; default 30
     * @param glacierAfterDays days before Glacier Flexible Retrieval, at least IA + 30; default 90
     * @param expireAfterDays days before current objects expire, at least glacierAfterDays + 90 (Glacier
     *     Flexible Retrieval's minimum charge); default never
     * @param noncurrentExpireAfterDays days a replaced version is kept, at least 31; default 365; kept 120
     *     days or more, it moves to Glacier Flexible Retrieval after 30 (which bills 90 days at least)
     */
    public record ApplicationBucketConfig(Boolean enabled, Integer infrequentAccessAfterDays, Integer glacierAfterDays,
                                          Integer expireAfterDays, Integer noncurrentExpireAfterDays) {

        /** Glacier Flexible Retrieval's minimum storage duration: an object deleted sooner is billed for it. */
        public static final int GLACIER_MINIMUM_DAYS = 90;

        public ApplicationBucketConfig {
            enabled = enabled == null || enabled;
            infrequentAccessAfterDays = infrequentAccessAfterDays == null ? Integer.valueOf(30) : infrequentAccessAfterDays;
            glacierAfterDays = glacierAfterDays == null ? Integer.valueOf(90) : glacierAfterDays;
            noncurrentExpireAfterDays = noncurrentExpireAfterDays == null ? Integer.valueOf(365) : noncurrentExpireAfterDays;
        }

        public static ApplicationBucketConfig defaults() {
            return new ApplicationBucketConfig(null, null, null, null, null);
        }

        void validate(ConfigProblems problems, String path) {
            if (!enabled) {
                return;
            }
            // S3 refuses Standard-IA before 30 days and a later class less than 30 days after it.
            problems.inRange(field(path, "infrequentAccessAfterDays"), infrequentAccessAfterDays, 30, MAX_RETENTION_DAYS);
            if (glacierAfterDays < infrequentAccessAfterDays + 30) {
                problems.add(field(path, "glacierAfterDays"), "expected at least infrequentAccessAfterDays + 30 = "
                        + (infrequentAccessAfterDays + 30) + ", found " + glacierAfterDays);
            }
            // Glacier Flexible Retrieval bills 90 days at least: an object deleted sooner costs more there.
            if (expireAfterDays != null && expireAfterDays < glacierAfterDays + GLACIER_MINIMUM_DAYS) {
                problems.add(field(path, "expireAfterDays"), "expected at least glacierAfterDays + "
                        + GLACIER_MINIMUM_DAYS + " = " + (glacierAfterDays + GLACIER_MINIMUM_DAYS)
                        + " (Glacier Flexible Retrieval bills " + GLACIER_MINIMUM_DAYS + " days at least), found "
                        + expireAfterDays);
            }
            // Replaced versions are kept at least 31 days (they move to Glacier only when kept 120 or more).
            problems.inRange(field(path, "noncurrentExpireAfterDays"), noncurrentExpireAfterDays, 31, MAX_RETENTION_DAYS);
        }
    }

    /**
     * The scheduled disaster-recovery check. It runs inside a workload VPC (Control Tower's
     * CT.LAMBDA.PR.3): the subnets need a route to the AWS APIs (NAT or interface endpoints for
     * Backup, CloudWatch, SNS, KMS) and to the health URLs.
     *
     * @param enabled whether to create it; default on when {@code subnetIds} are given (it cannot
     *     run without them)
     * @param everyMinutes how often it runs, 5 to 1440; default 60
     * @param maxRecoveryPointAgeHours newest recovery point older than this is a failure; default 26
     *     (a daily rule plus its start and completion windows)
     * @param vpc name of the workload VPC ({@code $.workload.vpcs[].name}) it runs in; default the only one
     * @param subnetIds private subnets of that VPC it runs in; required when enabled
     * @param reserveConcurrency reserve one concurrent run for the check, so other functions cannot
     *     starve it; default true. False on an account whose Lambda concurrency quota is 100 or less,
     *     as a new account's often is: Lambda keeps 100 unreserved and refuses any reservation there
     */
    public record DrHealthCheckConfig(Boolean enabled, Integer everyMinutes, Integer maxRecoveryPointAgeHours,
                                      String vpc, List<String> subnetIds, Boolean reserveConcurrency) {

        public static final java.util.regex.Pattern SUBNET_ID = java.util.regex.Pattern.compile("subnet-[0-9a-f]{8}([0-9a-f]{9})?");

        public DrHealthCheckConfig {
            enabled = enabled != null ? enabled : subnetIds != null && !subnetIds.isEmpty();
            everyMinutes = everyMinutes == null ? Integer.valueOf(60) : everyMinutes;
            maxRecoveryPointAgeHours = maxRecoveryPointAgeHours == null ? Integer.valueOf(26) : maxRecoveryPointAgeHours;
            subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
            reserveConcurrency = reserveConcurrency == null ? Boolean.TRUE : reserveConcurrency;
        }

        public static DrHealthCheckConfig defaults() {
            return new DrHealthCheckConfig(null, null, null, null, null, null);
        }

        /** The VPC id the check runs in, or null when it cannot be resolved. */
        public String vpcId(WorkloadConfig workload) {
            if (vpc == null) {
                return workload.vpcs().size() == 1 ? workload.vpcs().get(0).vpcId() : null;
            }
            return workload.vpcs().stream().filter(v -> vpc.equals(v.name())).map(WorkloadConfig.VpcConfig::vpcId)
                    .findFirst().orElse(null);
        }

        void validate(ConfigProblems problems, String path, EnvironmentConfig env) {
            if (!enabled) {
                return;
            }
            problems.inRange(field(path, "everyMinutes"), everyMinutes, 5, 1440);
            problems.inRange(field(path, "maxRecoveryPointAgeHours"), maxRecoveryPointAgeHours, 1, 8760);
            if (vpcId(env.workload()) == null) {
                List<String> known = env.workload().vpcs().stream().map(WorkloadConfig.VpcConfig::name).sorted().toList();
                problems.add(field(path, "vpc"), vpc == null
                        ? "missing: name the workload VPC the check runs in (known: " + known + ")"
                        : "no VPC of that name in $.workload.vpcs: " + ConfigProblems.quote(vpc) + " (known: " + known + ")");
            }
            if (subnetIds.isEmpty()) {
                problems.add(field(path, "subnetIds"), "expected at least one private subnet id for the check, found none");
            }
            for (int i = 0; i < subnetIds.size(); i++) {
                problems.matches(index(field(path, "subnetIds"), i), subnetIds.get(i), SUBNET_ID,
                        "a subnet id (subnet- and 8 or 17 hex digits)");
            }
        }
    }
}
