package io.github.opsbaseline.security;

import static io.github.opsbaseline.security.Cfn.map;

import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.config.SecurityConfig;
import io.github.opsbaseline.config.SecurityConfig.RateLimit;
import io.github.opsbaseline.config.SecurityConfig.ScopedRateLimit;
import io.github.opsbaseline.core.ResourceNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.QueryDefinition;
import software.amazon.awscdk.services.logs.QueryString;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.wafv2.CfnIPSet;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * A regional WAFv2 web ACL {@code <project>-<env>-web-acl} on the workload's load balancers: IP
 * allow/deny sets, geo blocking, probe-path blocking, AWS managed rule groups, a per-IP rate limit
 * and tighter per-path limits, each rule switchable to Count; logs to a KMS-encrypted
 * {@code aws-waf-logs-<project>-<env>} group with credentials redacted; alarms and saved queries.
 */
public class WebFirewall extends Construct {

    /** WAF metric dimension value for all rules together. */
    private static final String ALL_RULES = "ALL";
    /** Label CommonRuleSet puts on requests whose body exceeds 8 KB. */
    static final String BODY_SIZE_LABEL = "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body";
    /** How the health canaries' user agent starts (Synthetics' getCanaryUserAgentString()). */
    static final String CANARY_USER_AGENT = "CloudWatchSynthetics/";

    private final CfnWebACL webAcl;
    private final LogGroup logGroup;
    private final SecurityConfig.WafCapacity capacity;
    private final String aclName;

    public WebFirewall(Construct scope, String id, WebFirewallProps props) {
        super(scope, id);
        ResourceNames names = props.names();
        SecurityConfig.Waf waf = props.settings();
        Stack stack = Stack.of(this);
        this.aclName = names.name("web-acl");
        this.capacity = SecurityConfig.WafCapacity.of(waf);

        Rules rules = new Rules(names, waf);
        if (!waf.allowIps().isEmpty()) {
            CfnIPSet allow = ipSet("AllowIpSet", names.name("allow-ips"), waf.allowIps());
            rules.add("allow-ips", "Allow", map("IPSetReferenceStatement", map("Arn", allow.getAttrArn())));
        }
        if (!waf.denyIps().isEmpty()) {
            CfnIPSet deny = ipSet("DenyIpSet", names.name("deny-ips"), waf.denyIps());
            rules.add("deny-ips", "Block", map("IPSetReferenceStatement", map("Arn", deny.getAttrArn())));
        }
        if (!waf.blockedCountries().isEmpty()) {
            rules.add("geo-block", "Block", map("GeoMatchStatement", map("CountryCodes", waf.blockedCountries())));
        }
        if (!waf.probePaths().isEmpty()) {
            rules.add("probe-paths", "Block", map("RegexMatchStatement", map(
                    "RegexString", SecurityConfig.Waf.probePathRegex(waf.probePaths()),
                    "FieldToMatch", map("UriPath", map()),
                    "TextTransformations", List.of(map("Priority", 0, "Type", "LOWERCASE")))));
        }
        rules.managed("ip-reputation", "AWSManagedRulesAmazonIpReputationList", List.of());
        if (waf.anonymousIpList()) {
            rules.managed("anonymous-ip", "AWSManagedRulesAnonymousIpList", List.of());
        }
        // Uploads over 8 KB: the managed rule only counts (and labels); the next rule blocks the
        // labelled requests except on the upload paths. AWS's documented pattern for this rule.
        rules.managed("common", "AWSManagedRulesCommonRuleSet", waf.uploadPaths().isEmpty() ? List.of()
                : List.of(map("Name", "SizeRestrictions_BODY", "ActionToUse", map("Count", map()))));
        if (!waf.uploadPaths().isEmpty()) {
            List<Map<String, Object>> uploads = waf.uploadPaths().stream().map(WebFirewall::pathStartsWith).toList();
            rules.add("body-size", "Block", map("AndStatement", map("Statements", List.of(
                    map("LabelMatchStatement", map("Scope", "LABEL", "Key", BODY_SIZE_LABEL)),
                    map("NotStatement", map("Statement", anyOf(uploads)))))));
        }
        rules.managed("known-bad-inputs", "AWSManagedRulesKnownBadInputsRuleSet", List.of());
        rules.managed("sqli", "AWSManagedRulesSQLiRuleSet", List.of());
        if (waf.botControl()) {
            // The health canaries send only Synthetics' user agent, from Lambda's addresses, which Bot
            // Control blocks as a non-browser client: the scope-down leaves them out (AWS's documented
            // user-agent exception). A client can claim that user agent; every other rule still applies.
            rules.managedWithConfig("bot-control", "AWSManagedRulesBotControlRuleSet",
                    List.of(map("AWSManagedRulesBotControlRuleSet", map("InspectionLevel", "COMMON"))),
                    map("NotStatement", map("Statement", map("ByteMatchStatement", map(
                            "SearchString", CANARY_USER_AGENT,
                            "FieldToMatch", map("SingleHeader", map("Name", "user-agent")),
                            "TextTransformations", List.of(map("Priority", 0, "Type", "NONE")),
                            "PositionalConstraint", "STARTS_WITH")))));
        }
        rules.add("rate-per-ip", "Block", rateBased(waf.rateLimit(), null));
        for (ScopedRateLimit scoped : waf.scopedRateLimits()) {
            rules.add("rate-" + scoped.name(), "Block",
                    rateBased(scoped.effective(), pathStartsWith(scoped.pathPrefix())));
        }

        webAcl = CfnWebACL.Builder.create(this, "WebAcl")
                .name(aclName)
                .scope("REGIONAL")
                .description("Baseline web firewall of " + names.prefix() + ", " + capacity.total() + " WCU")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(CfnWebACL.VisibilityConfigProperty.builder()
                        .cloudWatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(aclName).build())
                .build();
        webAcl.addPropertyOverride("Rules", rules.all);

        for (String arn : props.loadBalancerArns()) {
            CfnWebACLAssociation.Builder.create(this, "Association-" + LoadBalancerArns.name(this, arn))
                    .resourceArn(arn).webAclArn(webAcl.getAttrArn()).build();
        }

        String logGroupName = "aws-waf-logs-" + names.prefix();
        logGroup = LogGroup.Builder.create(this, "LogGroup")
                .logGroupName(logGroupName)
                .encryptionKey(props.logKey())
                .retention(retention(waf.logRetentionDays()))
                .removalPolicy(props.removalPolicy())
                .build();
        CfnLoggingConfiguration logging = CfnLoggingConfiguration.Builder.create(this, "Logging")
                .resourceArn(webAcl.getAttrArn())
                // WAF wants the log group ARN without the ":*" suffix CloudFormation returns.
                .logDestinationConfigs(List.of("arn:" + stack.getPartition() + ":logs:" + stack.getRegion() + ":"
                        + stack.getAccount() + ":log-group:" + logGroupName))
                .build();
        logging.addPropertyOverride("RedactedFields", List.of(
                map("SingleHeader", map("Name", "authorization")),
                map("SingleHeader", map("Name", "cookie"))));
        logging.getNode().addDependency(logGroup);

        SecurityAlarms alarms = new SecurityAlarms(names, props.alertTopics());
        alarms.atLeast(this, "BlockedRequestsAlarm", requests("BlockedRequests", ALL_RULES), waf.blockedRequestsThreshold(),
                "web-acl", "blocked-requests", Severity.WARNING,
                "The web ACL " + aclName + " blocked at least " + waf.blockedRequestsThreshold()
                        + " requests in 5 minutes: an attack, a scanner, or a rule blocking real users. Check first the"
                        + " saved query '" + names.name("waf-top-blocked-ips") + "' and '"
                        + names.name("waf-top-rules") + "' to see who is blocked and by which rule.");
        for (String rule : rules.rateRules) {
            // A rule in count mode blocks nothing, so WAF publishes its matches as CountedRequests only.
            boolean counting = waf.counts(rule);
            alarms.atLeast(this, "RateLimitAlarm-" + rule,
                    requests(counting ? "CountedRequests" : "BlockedRequests", rules.metricName(rule)),
                    waf.rateLimitedRequestsThreshold(), "waf-" + rule, "rate-limited", Severity.WARNING,
                    "The rate-based rule " + rule + " of " + aclName + (counting
                            ? " (in count mode: nothing is blocked) counted at least "
                            : " blocked at least ")
                            + waf.rateLimitedRequestsThreshold() + " requests in 5 minutes: a client exceeds the"
                            + " per-IP limit (brute force, scraping or a misbehaving integration). Check first "
                            + (counting ? "the WAF log's requests whose nonTerminatingMatchingRules name " + rule
                                    + " (counted requests terminate on the default action), by client IP."
                                    : "the client IPs in '" + names.name("waf-top-blocked-ips") + "'."));
        }

        QueryDefinition.Builder.create(this, "TopBlockedIpsQuery")
                .queryDefinitionName(names.name("waf-top-blocked-ips"))
                .logGroups(List.of(logGroup))
                .queryString(QueryString.Builder.create()
                        .fields(List.of("httpRequest.clientIp", "httpRequest.country", "terminatingRuleId"))
                        .filterStatements(List.of("action = \"BLOCK\""))
                        .statsStatements(List.of("count(*) as blocked by httpRequest.clientIp, httpRequest.country"))
                        .sort("blocked desc")
                        .limit(25)
                        .build())
                .build();
        QueryDefinition.Builder.create(this, "TopRulesQuery")
                .queryDefinitionName(names.name("waf-top-rules"))
                .logGroups(List.of(logGroup))
                .queryString(QueryString.Builder.create()
                        .fields(List.of("terminatingRuleId", "action"))
                        .filterStatements(List.of("action != \"ALLOW\" or ispresent(nonTerminatingMatchingRules.0.ruleId)"))
                        .statsStatements(List.of("count(*) as matches by terminatingRuleId, action"))
                        .sort("matches desc")
                        .limit(25)
                        .build())
                .build();
    }

    public CfnWebACL webAcl() {
        return webAcl;
    }

    public LogGroup logGroup() {
        return logGroup;
    }

    /** The WCU of this web ACL, rule by rule. */
    public SecurityConfig.WafCapacity capacity() {
        return capacity;
    }

    private Metric requests(String metricName, String rule) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("WebACL", aclName);
        dims.put("Region", Stack.of(this).getRegion());
        dims.put("Rule", rule);
        return Metric.Builder.create().namespace("AWS/WAFV2").metricName(metricName)
                .dimensionsMap(dims).statistic("Sum").period(Duration.minutes(5)).build();
    }

    private CfnIPSet ipSet(String id, String name, List<String> cidrs) {
        return CfnIPSet.Builder.create(this, id).name(name).scope("REGIONAL").ipAddressVersion("IPV4")
                .addresses(cidrs).build();
    }

    /** Application paths are case-sensitive: no transformation. */
    private static Map<String, Object> pathStartsWith(String path) {
        return map("ByteMatchStatement", map(
                "SearchString", path,
                "FieldToMatch", map("UriPath", map()),
                "TextTransformations", List.of(map("Priority", 0, "Type", "NONE")),
                "PositionalConstraint", "STARTS_WITH"));
    }

    private static Map<String, Object> anyOf(List<Map<String, Object>> statements) {
        return statements.size() == 1 ? statements.get(0) : map("OrStatement", map("Statements", statements));
    }

    private static Map<String, Object> rateBased(RateLimit limit, Map<String, Object> scopeDown) {
        Map<String, Object> rate = map("Limit", limit.limit(), "EvaluationWindowSec", limit.windowSeconds(),
                "AggregateKeyType", "IP");
        if (scopeDown != null) {
            rate.put("ScopeDownStatement", scopeDown);
        }
        return map("RateBasedStatement", rate);
    }

    /** CloudWatch's retention periods in days map one to one, in order, onto the CDK enum. */
    static RetentionDays retention(int days) {
        int i = io.github.opsbaseline.config.MonitoringConfig.LOG_RETENTION_DAYS.indexOf(days);
        if (i < 0) {
            throw new IllegalArgumentException("not a CloudWatch Logs retention period: " + days);
        }
        return RetentionDays.values()[i];
    }

    /** The rule list in priority order; Count mode per rule from the settings. */
    private static final class Rules {
        private final ResourceNames names;
        private final SecurityConfig.Waf waf;
        private final List<Object> all = new ArrayList<>();
        private final List<String> rateRules = new ArrayList<>();

        Rules(ResourceNames names, SecurityConfig.Waf waf) {
            this.names = names;
            this.waf = waf;
        }

        String metricName(String rule) {
            return names.name(rule);
        }

        void add(String rule, String action, Map<String, Object> statement) {
            if (rule.startsWith("rate-")) {
                rateRules.add(rule);
            }
            String effective = waf.counts(rule) ? "Count" : action;
            all.add(map("Name", rule, "Priority", all.size(), "Statement", statement,
                    "Action", map(effective, map()), "VisibilityConfig", visibility(rule)));
        }

        void managed(String rule, String group, List<Object> overrides) {
            Map<String, Object> statement = map("VendorName", "AWS", "Name", group);
            if (!overrides.isEmpty()) {
                statement.put("RuleActionOverrides", overrides);
            }
            addManaged(rule, statement);
        }

        void managedWithConfig(String rule, String group, List<Object> configs, Map<String, Object> scopeDown) {
            addManaged(rule, map("VendorName", "AWS", "Name", group, "ManagedRuleGroupConfigs", configs,
                    "ScopeDownStatement", scopeDown));
        }

        private void addManaged(String rule, Map<String, Object> statement) {
            all.add(map("Name", rule, "Priority", all.size(), "Statement", map("ManagedRuleGroupStatement", statement),
                    "OverrideAction", map(waf.counts(rule) ? "Count" : "None", map()),
                    "VisibilityConfig", visibility(rule)));
        }

        private Map<String, Object> visibility(String rule) {
            return map("SampledRequestsEnabled", true, "CloudWatchMetricsEnabled", true,
                    "MetricName", metricName(rule));
        }
    }
}
