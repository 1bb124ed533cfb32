package io.github.opsbaseline.config;

import java.util.List;
import java.util.regex.Pattern;

/** The forms config values must take, shared by every section's validation. */
public final class Patterns {

    private Patterns() { }

    /** Names used inside resource names: lower case, digits, dashes. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,38}");
    /** Project and environment names: they begin every stack name, which must start with a letter. */
    public static final Pattern STACK_NAME_PREFIX = Pattern.compile("[a-z][a-z0-9-]{0,38}");
    public static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** Deliberately plain: AWS accepts far more, but a typo such as {@code ops@} must not pass. */
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}");
    /** E.164: a plus, then up to 15 digits, no leading zero. */
    public static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    public static final Pattern HTTPS_URL = Pattern.compile("https://" + Hosts.NAME + "(:" + Hosts.PORT + ")?(/[^\\s]*)?");
    public static final Pattern ARN = Pattern.compile(
            "arn:aws(-cn|-us-gov)?:[a-z0-9-]+:[a-z0-9-]*:(\\d{12})?:[^\\s]+");
    public static final Pattern ALB_ARN = Pattern.compile(
            "arn:aws(-cn|-us-gov)?:elasticloadbalancing:[a-z0-9-]+:\\d{12}:loadbalancer/app/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}");
    public static final Pattern TARGET_GROUP_ARN = Pattern.compile(
            "arn:aws(-cn|-us-gov)?:elasticloadbalancing:[a-z0-9-]+:\\d{12}:targetgroup/[A-Za-z0-9-]{1,32}/[0-9a-f]{16}");
    public static final Pattern ANOMALY_MONITOR_ARN = Pattern.compile(
            "arn:aws(-cn|-us-gov)?:ce::\\d{12}:anomalymonitor/[0-9a-f-]{36}");
    public static final Pattern VPC_ID = Pattern.compile("vpc-[0-9a-f]{8}([0-9a-f]{9})?");
    /**
     * ECS cluster and service names: up to 255 letters, digits, hyphens and underscores (ECS's own
     * rule). A wildcard or a space would reach IAM policies and metric dimensions as written.
     */
    public static final Pattern ECS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    /**
     * RDS DB instance and cluster identifiers: 1 to 63 letters, digits and hyphens, a letter first,
     * no two hyphens in a row, none last (RDS's rule). Lower case only: RDS stores them in lower case,
     * and the metric dimensions and ARNs the baseline writes must match that; {@code *} would make the
     * backup selection and the DR check's ARNs cover every database of the account.
     */
    public static final Pattern RDS_IDENTIFIER = Pattern.compile("[a-z](?!.*--)[a-z0-9-]{0,62}(?<!-)");
    /** ElastiCache replication group ids: as {@link #RDS_IDENTIFIER}, at most 40 characters. */
    public static final Pattern REPLICATION_GROUP_ID = Pattern.compile("[a-z](?!.*--)[a-z0-9-]{0,39}(?<!-)");
    /** CloudWatch Logs group names. */
    public static final Pattern LOG_GROUP = Pattern.compile("[A-Za-z0-9_./#-]{1,512}");
    public static final Pattern SLACK_WORKSPACE = Pattern.compile("T[A-Z0-9]{8,12}");
    public static final Pattern SLACK_CHANNEL = Pattern.compile("[CGD][A-Z0-9]{8,12}");

    /**
     * AWS regions the baseline can be deployed to. A fixed list rather than a lookup so that config
     * validation runs without the CDK; add a region here when AWS opens one.
     */
    public static final List<String> REGIONS = List.of(
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
            "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ca-central-1", "ca-west-1",
            "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1",
            "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
            "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2");

    /** Adds a problem unless {@code region} is a known region. */
    public static void region(ConfigProblems problems, String path, String region) {
        if (region != null && !REGIONS.contains(region)) {
            problems.add(path, "unknown AWS region: " + ConfigProblems.quote(region)
                    + " (expected one like \"us-east-1\" or \"eu-west-1\")");
        }
    }

    /** Parts of {@link #HTTPS_URL}: a DNS name (labels of letters, digits and inner dashes) and a port of 1 to 65535. */
    private static final class Hosts {
        static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
        static final String NAME = LABEL + "(\\." + LABEL + ")*";
        static final String PORT = "(6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3})";
    }
}
