package io.github.opsbaseline.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Named starting points for a backup rule; a rule in the environment file names one and overrides
 * what differs.
 *
 * <p>The seed asks for "daily at 02:00 UTC, cold storage after 30 days, delete after 120". AWS
 * keeps a recovery point in cold storage for at least 90 days, so delete-after must be at least
 * cold-after + 90: 30 + 90 = 120, so the seed's rule sits exactly on AWS's limit and is valid
 * (one day less is refused). {@link #DAILY} is the seed's rule unchanged. Cold storage applies only
 * to resource types that support it (EFS, DynamoDB advanced, EC2/EBS via AMI are among them; RDS
 * snapshots are not): AWS Backup ignores the setting for the others, which then stay warm for 120 days.
 */
public enum BackupRulePreset {
    /** Seed 003: every day at 02:00 UTC, cold after 30 days, kept 120 days (see above). */
    @JsonProperty("daily") DAILY("cron(0 2 ? * * *)", 30, 120, false),
    /** Sundays at 03:00 UTC, cold after 30 days, kept a year. */
    @JsonProperty("weekly") WEEKLY("cron(0 3 ? * SUN *)", 30, 365, false),
    /** The 1st of each month at 04:00 UTC, cold after 90 days, kept 7 years (2,555 days). */
    @JsonProperty("monthly") MONTHLY("cron(0 4 1 * ? *)", 90, 2555, false),
    /** Point-in-time recovery (continuous backup) kept 35 days, AWS's maximum. */
    @JsonProperty("continuous") CONTINUOUS("cron(0 5 ? * * *)", null, 35, true);

    private final String schedule;
    private final Integer coldStorageAfterDays;
    private final int deleteAfterDays;
    private final boolean continuousBackup;

    BackupRulePreset(String schedule, Integer coldStorageAfterDays, int deleteAfterDays, boolean continuousBackup) {
        this.schedule = schedule;
        this.coldStorageAfterDays = coldStorageAfterDays;
        this.deleteAfterDays = deleteAfterDays;
        this.continuousBackup = continuousBackup;
    }

    public String schedule() {
        return schedule;
    }

    public Integer coldStorageAfterDays() {
        return coldStorageAfterDays;
    }

    public int deleteAfterDays() {
        return deleteAfterDays;
    }

    public boolean continuousBackup() {
        return continuousBackup;
    }

    /** The lower-case name used in the environment file and in rule names. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
