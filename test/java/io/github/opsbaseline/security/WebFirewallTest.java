package io.github.opsbaseline.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.config.SecurityConfig;
import io.github.opsbaseline.config.SecurityConfig.RateLimit;
import io.github.opsbaseline.config.SecurityConfig.ScopedRateLimit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class WebFirewallTest {

    private static Map<String, Object> rule(String name, Object statement, String action) {
        return Map.of("Name", name, "Statement", statement, "Action", Map.of(action, Map.of()));
    }

    @Test
    void prodWebAclHasManagedGroupsProbeBlockAndRateRules() {
        // GIVEN prod's file WHEN synthesized
        Template t = SecurityTemplates.of("prod");
        // THEN one regional ACL named by the scheme, with every rule in priority order
        t.hasResourceProperties("AWS::WAFv2::WebACL", Map.of(
                "Name", "django-ms-prod-web-acl",
                "Scope", "REGIONAL",
                "DefaultAction", Map.of("Allow", Map.of()),
                "Rules", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Name", "probe-paths", "Action", Map.of("Block", Map.of()),
                                "Statement", Map.of("RegexMatchStatement", Map.of(
                                        "RegexString", "^(?:/\\.env|/\\.git|/wp-admin(?:[^a-z]|$)|/phpmyadmin(?:[^a-z]|$)"
                                                + "|/backup(?:[^a-z]|$)|/config(?:[^a-z]|$)|/admin(?:[^a-z]|$)|/test(?:[^a-z]|$))",
                                        "FieldToMatch", Map.of("UriPath", Map.of()),
                                        "TextTransformations", List.of(Map.of("Priority", 0, "Type", "LOWERCASE")))))),
                        Match.objectLike(Map.of("Name", "ip-reputation", "Statement", Map.of("ManagedRuleGroupStatement",
                                Map.of("VendorName", "AWS", "Name", "AWSManagedRulesAmazonIpReputationList")))),
                        Match.objectLike(Map.of("Name", "common", "Statement", Map.of("ManagedRuleGroupStatement",
                                Map.of("VendorName", "AWS", "Name", "AWSManagedRulesCommonRuleSet",
                                        "RuleActionOverrides", List.of(Map.of("Name", "SizeRestrictions_BODY",
                                                "ActionToUse", Map.of("Count", Map.of()))))))),
                        Match.objectLike(Map.of("Name", "body-size", "Action", Map.of("Block", Map.of()))),
                        Match.objectLike(Map.of("Name", "known-bad-inputs")),
                        Match.objectLike(Map.of("Name", "sqli", "OverrideAction", Map.of("None", Map.of()))),
                        Match.objectLike(Map.of("Name", "bot-control")),
                        Match.objectLike(rule("rate-per-ip", Map.of("RateBasedStatement", Map.of(
                                "Limit", 2000, "EvaluationWindowSec", 60, "AggregateKeyType", "IP")), "Block")),
                        Match.objectLike(Map.of("Name", "rate-login", "Statement", Map.of("RateBasedStatement",
                                Match.objectLike(Map.of("Limit", 10, "EvaluationWindowSec", 120))))),
                        Match.objectLike(Map.of("Name", "rate-payments", "Statement", Map.of("RateBasedStatement",
                                Match.objectLike(Map.of("Limit", 10, "EvaluationWindowSec", 60)))))))));
        t.resourceCountIs("AWS::WAFv2::WebACLAssociation", 1);
        t.hasResourceProperties("AWS::WAFv2::WebACLAssociation", Map.of("ResourceArn",
                "arn:aws:elasticloadbalancing:ap-southeast-1:777788889999:loadbalancer/app/django-ms-prod-alb/3c4d5e6f7a8b9c0d"));
    }

    @Test
    void devCountsTheScopedRateRulesForStagedRollout() {
        Template t = SecurityTemplates.of("dev");
        t.hasResourceProperties("AWS::WAFv2::WebACL", Map.of("Rules", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Name", "rate-per-ip", "Action", Map.of("Block", Map.of()))),
                Match.objectLike(Map.of("Name", "rate-login", "Action", Map.of("Count", Map.of())))))));
    }

    @Test
    void stagingAllowsAndDeniesIpSetsAndBlocksACountryBeforeEveryOtherRule() {
        // GIVEN staging's allow list, deny list, blocked country and the anonymous-IP group
        Template t = SecurityTemplates.of("staging");
        // THEN two regional IPv4 sets named by the scheme
        t.hasResourceProperties("AWS::WAFv2::IPSet", Map.of("Name", "django-ms-staging-allow-ips",
                "Scope", "REGIONAL", "IPAddressVersion", "IPV4", "Addresses", List.of("203.0.113.0/24")));
        t.hasResourceProperties("AWS::WAFv2::IPSet", Map.of("Name", "django-ms-staging-deny-ips",
                "Scope", "REGIONAL", "IPAddressVersion", "IPV4", "Addresses", List.of("198.51.100.0/24")));
        // AND the allow list is evaluated first, then the deny list and the country block, and the
        // anonymous-IP group follows IP reputation
        t.hasResourceProperties("AWS::WAFv2::WebACL", Map.of("Rules", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Name", "allow-ips", "Priority", 0, "Action", Map.of("Allow", Map.of()),
                        "Statement", Map.of("IPSetReferenceStatement", Map.of("Arn", Map.of("Fn::GetAtt",
                                List.of(Match.stringLikeRegexp("AllowIpSet"), "Arn")))))),
                Match.objectLike(Map.of("Name", "deny-ips", "Priority", 1, "Action", Map.of("Block", Map.of()))),
                Match.objectLike(Map.of("Name", "geo-block", "Priority", 2, "Action", Map.of("Block", Map.of()),
                        "Statement", Map.of("GeoMatchStatement", Map.of("CountryCodes", List.of("KP"))))),
                Match.objectLike(Map.of("Name", "ip-reputation")),
                Match.objectLike(Map.of("Name", "anonymous-ip", "Statement", Map.of("ManagedRuleGroupStatement",
                        Map.of("VendorName", "AWS", "Name", "AWSManagedRulesAnonymousIpList"))))))));
        // AND the capacity counts them: 1 WCU for each set and the country, 50 for the group
        assertThat(SecurityConfig.WafCapacity.of(new io.github.opsbaseline.config.ConfigLoader(
                java.nio.file.Path.of("stacks-config")).load("staging").security().waf()).total()).isEqualTo(1204);
    }

    @Test
    void logsToKmsEncryptedAwsWafLogsGroupWithCredentialsRedacted() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "aws-waf-logs-django-ms-prod",
                "KmsKeyId", Match.anyValue(), "RetentionInDays", 365));
        t.hasResourceProperties("AWS::WAFv2::LoggingConfiguration", Map.of(
                "LogDestinationConfigs", List.of(Map.of("Fn::Join", List.of("", List.of("arn:",
                        Map.of("Ref", "AWS::Partition"), ":logs:ap-southeast-1:777788889999:log-group:aws-waf-logs-django-ms-prod")))),
                "RedactedFields", List.of(Map.of("SingleHeader", Map.of("Name", "authorization")),
                        Map.of("SingleHeader", Map.of("Name", "cookie")))));
    }

    @Test
    void alarmsOnBlockedRequestsAndEachRateRule() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "django-ms-prod-web-acl-blocked-requests-warning",
                "Namespace", "AWS/WAFV2", "MetricName", "BlockedRequests", "Threshold", 2000,
                "Dimensions", Match.arrayWith(List.of(Map.of("Name", "Rule", "Value", "ALL"))),
                "AlarmActions", Match.anyValue(), "OKActions", Match.anyValue())));
        for (String rule : List.of("rate-per-ip", "rate-login", "rate-payments")) {
            t.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "AlarmName", "django-ms-prod-waf-" + rule + "-rate-limited-warning",
                    "Dimensions", Match.arrayWith(List.of(Map.of("Name", "Rule", "Value", "django-ms-prod-" + rule))))));
        }
    }

    @Test
    void aRateRuleInCountModeIsAlarmedOnWhatItCounts() {
        // dev counts rate-login and rate-payments: WAF publishes no BlockedRequests for them
        Template t = SecurityTemplates.of("dev");
        for (String rule : List.of("rate-login", "rate-payments")) {
            t.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                    "AlarmName", "django-ms-dev-waf-" + rule + "-rate-limited-warning",
                    "MetricName", "CountedRequests",
                    "AlarmDescription", Match.stringLikeRegexp("in count mode: nothing is blocked"),
                    "Dimensions", Match.arrayWith(List.of(Map.of("Name", "Rule", "Value", "django-ms-dev-" + rule))))));
        }
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "django-ms-dev-waf-rate-per-ip-rate-limited-warning", "MetricName", "BlockedRequests")));
    }

    @Test
    void savedQueriesForTopBlockedIpsAndTopRules() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::Logs::QueryDefinition", Map.of("Name", "django-ms-prod-waf-top-blocked-ips",
                "QueryString", Match.stringLikeRegexp("stats count\\(\\*\\) as blocked by httpRequest.clientIp")));
        t.hasResourceProperties("AWS::Logs::QueryDefinition", Map.of("Name", "django-ms-prod-waf-top-rules",
                "QueryString", Match.stringLikeRegexp("by terminatingRuleId")));
    }

    @Test
    void seedRatesMapToWafSettings() {
        // 5/min: WAF's Limit minimum is 10, so the same rate over the smallest window giving 10
        assertThat(new ScopedRateLimit("login", "/l", 5, 60).effective()).isEqualTo(new RateLimit(10, 120));
        assertThat(new ScopedRateLimit("pay", "/p", 10, 60).effective()).isEqualTo(new RateLimit(10, 60));
        assertThat(new ScopedRateLimit("x", "/x", 100, 3600).effective()).isEqualTo(new RateLimit(17, 600));
        assertThat(new ScopedRateLimit("y", "/y", 1, 3600).effective()).isEqualTo(new RateLimit(10, 600));
        assertThat(new ScopedRateLimit("z", "/z", 30, 90).effective()).isEqualTo(new RateLimit(20, 60));
        // seed 003's per-IP limit, 2000 requests a minute, is the default as written
        assertThat(new RateLimit(null, null)).isEqualTo(new RateLimit(2000, 60));
    }

    @Test
    void botControlLeavesTheHealthCanariesOut() {
        // prod turns Bot Control on; the canaries' Synthetics user agent would be blocked as a non-browser
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::WAFv2::WebACL", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                "Name", "bot-control",
                "Statement", Map.of("ManagedRuleGroupStatement", Match.objectLike(Map.of(
                        "Name", "AWSManagedRulesBotControlRuleSet",
                        "ScopeDownStatement", Map.of("NotStatement", Map.of("Statement", Map.of("ByteMatchStatement", Map.of(
                                "SearchString", "CloudWatchSynthetics/",
                                "FieldToMatch", Map.of("SingleHeader", Map.of("Name", "user-agent")),
                                "TextTransformations", List.of(Map.of("Priority", 0, "Type", "NONE")),
                                "PositionalConstraint", "STARTS_WITH")))))))))))));
        // and the capacity counts the scope-down: 50 for the group, 2 for the match
        assertThat(SecurityConfig.WafCapacity.of(new io.github.opsbaseline.config.ConfigLoader(
                java.nio.file.Path.of("stacks-config")).load("prod").security().waf()).rules()).containsEntry("bot-control", 52);
    }

    @Test
    void capacityIsComputedPerRule() {
        SecurityConfig.WafCapacity defaults = SecurityConfig.WafCapacity.of(SecurityConfig.Waf.defaults());
        assertThat(defaults.total()).isEqualTo(1148);
        assertThat(defaults.rules()).containsEntry("common", 700).containsEntry("probe-paths", 13)
                .containsEntry("rate-login", 4);
    }

    @Test
    void probePathsBlockAWordNotContinuedByALetterAndDotFilesAndSlashEndedPathsAsPrefixes() {
        // the regex as WAF gets it, checked here with Java's engine (PCRE agrees on this subset)
        java.util.regex.Pattern probe = java.util.regex.Pattern.compile(SecurityConfig.Waf.probePathRegex(
                new java.util.ArrayList<>(java.util.stream.Stream.concat(SecurityConfig.Waf.SEED_PROBE_PATHS.stream(),
                        java.util.stream.Stream.of("/cgi-bin/")).toList())));
        for (String blocked : List.of("/.env", "/.env.bak", "/.envrc", "/.git/config", "/.gitignore", "/admin", "/admin/login/",
                "/wp-admin/x", "/config.php", "/test", "/backup-2024.zip", "/phpmyadmin4.8.5/", "/cgi-bin/test.cgi")) {
            assertThat(probe.matcher(blocked).find()).as(blocked).isTrue();
        }
        for (String allowed : List.of("/testimonials", "/configuration", "/administrator-guide", "/backups",
                "/api/admin", "/cgi-binary", "/")) {
            assertThat(probe.matcher(allowed).find()).as(allowed).isFalse();
        }
        // a path's regex characters are taken literally
        assertThat(SecurityConfig.Waf.probePathRegex(List.of("/a+b", "/C.D/"))).isEqualTo("^(?:/a\\+b(?:[^a-z]|$)|/c\\.d/)");
    }
}
