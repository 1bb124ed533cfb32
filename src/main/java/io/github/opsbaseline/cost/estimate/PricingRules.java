package io.github.opsbaseline.cost.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.opsbaseline.config.CostConfig.Assumptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How each CloudFormation resource type the baseline creates is priced: one rule per type, in one
 * table. Types that cost nothing by themselves are listed as such; a type in neither list is
 * reported as unpriced by the estimator, never dropped.
 */
final class PricingRules {

    /** A resource of a template, with the stack and region it belongs to. */
    record Resource(String stack, String region, String logicalId, String type, JsonNode properties) { }

    /** Where a rule puts its lines. */
    interface Lines {
        void add(String item, double quantity, String priceId, String assumption);
    }

    @FunctionalInterface
    interface Rule {
        void price(Resource resource, Assumptions assume, Lines lines);
    }

    static final double HOURS_PER_MONTH = 730;
    static final double DAYS_PER_MONTH = 30.42;

    /** Types with no charge of their own (their cost, if any, is priced on another resource). */
    static final Set<String> NO_CHARGE = new TreeSet<>(List.of(
            "AWS::AccessAnalyzer::Analyzer", "AWS::Backup::BackupSelection", "AWS::Backup::BackupVault",
            "AWS::Backup::ReportPlan", "AWS::Backup::RestoreTestingPlan", "AWS::CDK::Metadata",
            "AWS::CE::AnomalyMonitor", "AWS::CE::AnomalySubscription", "AWS::Chatbot::SlackChannelConfiguration",
            "AWS::CloudFormation::Stack",
            "AWS::CloudWatch::AnomalyDetector", "AWS::Config::DeliveryChannel", "AWS::EC2::FlowLog", "AWS::EC2::SecurityGroup",
            "AWS::Events::EventBusPolicy", "AWS::Events::Rule", "AWS::IAM::InstanceProfile", "AWS::IAM::ManagedPolicy",
            "AWS::IAM::Policy", "AWS::IAM::Role", "AWS::KMS::Alias", "AWS::Lambda::EventInvokeConfig",
            "AWS::Lambda::Permission", "AWS::Logs::LogStream", "AWS::Logs::QueryDefinition", "AWS::Logs::ResourcePolicy",
            "AWS::S3::BucketPolicy", "AWS::SecurityHub::Standard", "AWS::SNS::TopicPolicy", "AWS::SQS::Queue", "AWS::SSM::Parameter",
            "AWS::SQS::QueuePolicy",
            "AWS::WAFv2::IPSet", "AWS::WAFv2::LoggingConfiguration", "AWS::WAFv2::RegexPatternSet",
            "AWS::WAFv2::WebACLAssociation"));

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");

    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("AWS::CloudWatch::Alarm", PricingRules::alarm);
        RULES.put("AWS::CloudWatch::CompositeAlarm", (r, a, l) ->
                l.add("composite alarm", 1, "cloudwatch_alarm_composite", "one per composite alarm"));
        RULES.put("AWS::CloudWatch::Dashboard", (r, a, l) ->
                l.add("dashboard", 1, "cloudwatch_dashboard", "3 free per account, taken by this environment"));
        RULES.put("AWS::Logs::MetricFilter", (r, a, l) ->
                l.add("custom metric from a metric filter", size(r.properties().path("MetricTransformations")),
                        "cloudwatch_custom_metric_tier1", "one metric per transformation, no dimensions"));
        RULES.put("AWS::Logs::LogGroup", PricingRules::logGroup);
        RULES.put("AWS::WAFv2::WebACL", PricingRules::webAcl);
        RULES.put("AWS::GuardDuty::Detector", PricingRules::guardDuty);
        RULES.put("AWS::Config::ConfigurationRecorder", (r, a, l) ->
                l.add("configuration item recorded", a.configItems(), "config_ci_continuous",
                        fmt(a.configItems()) + " items/month (cost.assumptions.configItems)"));
        RULES.put("AWS::Config::ConfigRule", (r, a, l) ->
                l.add("rule evaluation", a.configEvaluationsPerRule(), "config_rule_evaluation",
                        fmt(a.configEvaluationsPerRule()) + " evaluations per rule/month (cost.assumptions.configEvaluationsPerRule)"));
        RULES.put("AWS::Config::ConformancePack", (r, a, l) ->
                l.add("conformance pack evaluation", a.configEvaluationsPerRule(), "config_conformance_pack_evaluation",
                        fmt(a.configEvaluationsPerRule()) + " evaluations/month (cost.assumptions.configEvaluationsPerRule)"));
        RULES.put("AWS::CloudTrail::Trail", PricingRules::trail);
        RULES.put("AWS::KMS::Key", PricingRules::key);
        RULES.put("AWS::SNS::Topic", (r, a, l) ->
                l.add("publish", a.notifications() / 1e6, "sns_publish",
                        fmt(a.notifications()) + " notifications/month (cost.assumptions.notifications); first 1M free not applied"));
        RULES.put("AWS::SNS::Subscription", PricingRules::subscription);
        RULES.put("AWS::Synthetics::Canary", PricingRules::canary);
        RULES.put("AWS::Backup::BackupPlan", PricingRules::backupPlan);
        RULES.put("AWS::Backup::RestoreTestingSelection", (r, a, l) ->
                l.add("restore test job", 1, "backup_restore_testing",
                        "one job per selection per month; the restored resource's run time is not included"));
        RULES.put("AWS::Backup::Framework", (r, a, l) -> {
            double evaluations = size(r.properties().path("FrameworkControls")) * a.protectedResources() * DAYS_PER_MONTH;
            l.add("control evaluation", evaluations / 1000, "backup_audit_manager",
                    "each control evaluates " + fmt(a.protectedResources()) + " resources daily (cost.assumptions.protectedResources)");
        });
        RULES.put("AWS::S3::Bucket", PricingRules::bucket);
        RULES.put("AWS::Lambda::Function", PricingRules::function);
        RULES.put("AWS::SecurityHub::Hub", (r, a, l) ->
                l.add("security check", a.securityHubChecks(), "securityhub_cspm_security_check",
                        fmt(a.securityHubChecks()) + " checks/month (cost.assumptions.securityHubChecks)"));
        RULES.put("AWS::Shield::Protection", (r, a, l) ->
                l.add("Shield Advanced subscription", 1, "shield_advanced_subscription",
                        "billed once per organization, whatever the number of protections; data transfer extra"));
        RULES.put("AWS::Budgets::Budget", (r, a, l) ->
                l.add("budget-day", DAYS_PER_MONTH, "budgets_budget_day", "first 2 budgets per account free, taken by this environment"));
    }

    private PricingRules() { }

    /**
     * Standard and high-resolution alarms cost per metric they evaluate; an anomaly-detection alarm
     * counts three (the metric and the two band edges).
     */
    private static void alarm(Resource r, Assumptions a, Lines l) {
        JsonNode p = r.properties();
        JsonNode metrics = p.path("Metrics");
        if (metrics.isArray() && metrics.size() > 0) {
            int stats = 0;
            boolean anomaly = false;
            int period = Integer.MAX_VALUE;
            for (JsonNode m : metrics) {
                if (m.has("MetricStat")) {
                    stats++;
                    period = Math.min(period, m.path("MetricStat").path("Period").asInt(60));
                }
                anomaly |= m.path("Expression").asText("").contains("ANOMALY_DETECTION_BAND");
            }
            if (anomaly) {
                l.add("anomaly detection alarm", 1, "cloudwatch_alarm_anomaly_detection", "counts as 3 alarm metrics");
            } else if (period < 60) {
                l.add("high-resolution alarm metric", stats, "cloudwatch_alarm_high_resolution", "metrics each alarm evaluates");
            } else {
                l.add("standard alarm metric", stats, "cloudwatch_alarm_standard", "metrics each alarm evaluates");
            }
        } else if (p.path("Period").asInt(60) < 60) {
            l.add("high-resolution alarm metric", 1, "cloudwatch_alarm_high_resolution", "metrics each alarm evaluates");
        } else {
            l.add("standard alarm metric", 1, "cloudwatch_alarm_standard", "metrics each alarm evaluates");
        }
    }

    /** Ingestion at the assumed volume, and storage of what the retention keeps (at most a year). */
    private static void logGroup(Resource r, Assumptions a, Lines l) {
        double gb = a.logGbPerLogGroup();
        JsonNode retention = r.properties().path("RetentionInDays");
        double months = retention.isNumber() ? Math.min(retention.asDouble() / DAYS_PER_MONTH, 12) : 12;
        l.add("log ingestion", gb, "cloudwatch_logs_ingestion_standard",
                fmt(gb) + " GB/month per log group (cost.assumptions.logGbPerLogGroup)");
        l.add("log storage", gb * months, "cloudwatch_logs_storage",
                fmt(gb) + " GB/month kept " + fmt(months) + " months (retention, at most a year), uncompressed");
    }

    private static void webAcl(Resource r, Assumptions a, Lines l) {
        JsonNode rules = r.properties().path("Rules");
        String requests = fmt(a.requestsMillions()) + "M requests/month (cost.assumptions.requestsMillions)";
        l.add("web ACL", 1, "waf_web_acl", "one per web ACL");
        l.add("rule", size(rules), "waf_rule", "rules in the web ACL (a managed group counts as one)");
        l.add("requests (millions)", a.requestsMillions(), "waf_requests", requests);
        if (rules.toString().contains("AWSManagedRulesBotControlRuleSet")) {
            l.add("Bot Control subscription", 1, "waf_bot_control_common_subscription", "common inspection level");
            l.add("Bot Control requests (millions)", a.requestsMillions(), "waf_bot_control_common_requests", requests);
        }
    }

    private static void guardDuty(Resource r, Assumptions a, Lines l) {
        JsonNode p = r.properties();
        if (!p.path("Enable").asBoolean(true)) {
            return;
        }
        l.add("CloudTrail management events (millions)", a.managementEventsMillions(), "guardduty_cloudtrail_mgmt_events",
                fmt(a.managementEventsMillions()) + "M events/month (cost.assumptions.managementEventsMillions)");
        l.add("VPC flow and DNS logs analyzed (GB)", a.flowLogGb(), "guardduty_vpc_flow_dns_logs",
                fmt(a.flowLogGb()) + " GB/month (cost.assumptions.flowLogGb)");
        for (JsonNode feature : p.path("Features")) {
            if (!"ENABLED".equals(feature.path("Status").asText())) {
                continue;
            }
            switch (feature.path("Name").asText()) {
                case "S3_DATA_EVENTS" -> l.add("S3 data events (millions)", a.dataEventsMillions(), "guardduty_s3_data_events",
                        fmt(a.dataEventsMillions()) + "M events/month (cost.assumptions.dataEventsMillions)");
                case "RUNTIME_MONITORING" -> l.add("Fargate runtime monitoring (vCPU-hours)", a.fargateVcpus() * HOURS_PER_MONTH,
                        "guardduty_runtime_ecs_fargate", fmt(a.fargateVcpus()) + " vCPUs all month (cost.assumptions.fargateVcpus)");
                case "RDS_LOGIN_EVENTS" -> l.add("RDS protection (vCPU-hours)", a.rdsVcpus() * HOURS_PER_MONTH,
                        "guardduty_rds_login_events", fmt(a.rdsVcpus()) + " database vCPUs all month (cost.assumptions.rdsVcpus)");
                case "LAMBDA_NETWORK_LOGS" -> l.add("Lambda network activity (GB)", a.lambdaNetworkGb(),
                        "guardduty_lambda_network_activity", fmt(a.lambdaNetworkGb()) + " GB/month (cost.assumptions.lambdaNetworkGb)");
                case "EBS_MALWARE_PROTECTION" -> l.add("EBS malware scans (GB)", 0, "guardduty_ebs_malware_scan",
                        "scans run only when a finding triggers one: none assumed");
                case "EKS_AUDIT_LOGS" -> l.add("EKS audit log events (millions)", 0, "guardduty_eks_audit_logs",
                        "the workload runs no EKS cluster");
                default -> { }
            }
        }
    }

    /** The first trail's management events are free; data events and Insights are not. */
    private static void trail(Resource r, Assumptions a, Lines l) {
        JsonNode p = r.properties();
        double hundredThousands = a.managementEventsMillions() * 10;
        l.add("management events, first copy (100k)", hundredThousands, "cloudtrail_mgmt_events_first_copy",
                "the account's first trail: free");
        if (p.has("AdvancedEventSelectors") || p.path("EventSelectors").toString().contains("DataResources")) {
            l.add("data events (100k)", a.dataEventsMillions() * 10, "cloudtrail_data_events",
                    fmt(a.dataEventsMillions()) + "M data events/month (cost.assumptions.dataEventsMillions)");
        }
        if (p.path("InsightSelectors").size() > 0) {
            l.add("Insights events analyzed (100k)", hundredThousands, "cloudtrail_insights",
                    fmt(a.managementEventsMillions()) + "M management events/month analyzed");
        }
    }

    private static void key(Resource r, Assumptions a, Lines l) {
        l.add("customer-managed key", 1, "kms_customer_managed_key", "one per key");
        if (r.properties().path("EnableKeyRotation").asBoolean(false)) {
            // the steady state: each of the first two yearly rotations adds a unit, then the charge stops growing
            l.add("rotated key material", 2, "kms_rotation_extra",
                    "from the second yearly rotation on (year 3); $0 in year 1, 1 unit in year 2");
        }
        l.add("requests (10k)", a.kmsRequestsPerKey() / 10_000, "kms_requests",
                fmt(a.kmsRequestsPerKey()) + " requests per key/month (cost.assumptions.kmsRequestsPerKey); 20k free not applied");
    }

    private static void subscription(Resource r, Assumptions a, Lines l) {
        JsonNode p = r.properties();
        String endpoint = p.path("Endpoint").asText("");
        switch (p.path("Protocol").asText("").toLowerCase(Locale.ROOT)) {
            case "email", "email-json" -> l.add("email deliveries (100k)", a.notifications() / 100_000, "sns_email_delivery",
                    fmt(a.notifications()) + " notifications/month (cost.assumptions.notifications)");
            case "https", "http" -> l.add("HTTPS deliveries (millions)", a.notifications() / 1e6, "sns_http_delivery",
                    fmt(a.notifications()) + " notifications/month (cost.assumptions.notifications)");
            case "sms" -> l.add("SMS messages", a.smsNotifications(), endpoint.startsWith("+65") ? "sns_sms_singapore" : "sns_sms_us",
                    fmt(a.smsNotifications()) + " SMS/month (cost.assumptions.smsNotifications)"
                            + (endpoint.startsWith("+65") || endpoint.startsWith("+1") ? "" : "; priced as US numbers"));
            default -> l.add("deliveries", 0, "sns_http_delivery", "protocol not priced: " + p.path("Protocol").asText());
        }
    }

    private static void canary(Resource r, Assumptions a, Lines l) {
        String expression = r.properties().path("Schedule").path("Expression").asText("");
        Matcher m = RATE.matcher(expression);
        double minutes = 5;
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            minutes = m.group(2).startsWith("minute") ? n : m.group(2).startsWith("hour") ? n * 60 : n * 1440;
        }
        l.add("canary run", DAYS_PER_MONTH * 1440 / minutes, "cloudwatch_synthetics_canary_run",
                "every " + fmt(minutes) + " minutes (" + expression + "); 100 free runs per account not applied");
    }

    /** Recovery points of the protected data, and a copy in the DR region where a rule copies. */
    private static void backupPlan(Resource r, Assumptions a, Lines l) {
        String gb = fmt(a.backupGb()) + " GB protected (cost.assumptions.backupGb)";
        l.add("warm backup storage (GB)", a.backupGb(), "backup_rds_snapshot_warm", gb + ", incremental: about its size kept");
        if (r.properties().toString().contains("DestinationBackupVaultArn")) {
            l.add("cross-region copy transfer (GB)", a.backupGb(), "backup_cross_region_transfer", gb + " copied once a month in full");
            l.add("warm backup storage in the DR region (GB)", a.backupGb(), "backup_rds_snapshot_warm", gb);
        }
    }

    private static void bucket(Resource r, Assumptions a, Lines l) {
        l.add("storage (GB)", a.s3GbPerBucket(), "s3_standard_storage",
                fmt(a.s3GbPerBucket()) + " GB per bucket (cost.assumptions.s3GbPerBucket)");
        if (r.properties().has("ReplicationConfiguration")) {
            l.add("replication transfer (GB)", a.s3GbPerBucket(), "s3_replication_inter_region_transfer",
                    fmt(a.s3GbPerBucket()) + " GB replicated to the DR region");
        }
    }

    private static void function(Resource r, Assumptions a, Lines l) {
        double memoryGb = r.properties().path("MemorySize").asDouble(128) / 1024;
        String invocations = fmt(a.lambdaInvocations()) + " invocations/month (cost.assumptions.lambdaInvocations)";
        l.add("requests (millions)", a.lambdaInvocations() / 1e6, "lambda_requests", invocations + "; free tier not applied");
        l.add("compute (GB-seconds)", a.lambdaInvocations() * memoryGb * 2, "lambda_duration_x86",
                invocations + " of 2 s at " + fmt(memoryGb * 1024) + " MB");
    }

    private static int size(JsonNode array) {
        return array.isArray() ? array.size() : 0;
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
