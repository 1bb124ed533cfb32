package io.github.opsbaseline.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.monitoring.alarm.BaselineAlarm;
import io.github.opsbaseline.testing.ProjectPaths;
import io.github.opsbaseline.testing.StackTemplates;
import io.github.opsbaseline.testing.TestApps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;


/** The monitoring stack built from prod's environment file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringStackTest {

    private EnvironmentConfig config;
    private MonitoringStack stack;
    private StackTemplates template;

    @BeforeAll
    void synth() {
        config = new ConfigLoader(ProjectPaths.stacksConfig()).load("prod");
        stack = new MonitoringStack(TestApps.app(), "Monitoring", MonitoringStackProps.fromConfig(config,
                StackProps.builder().env(software.amazon.awscdk.Environment.builder()
                        .account(config.account()).region(config.region()).build()).build()));
        template = StackTemplates.of(stack);
    }

    @Test
    void theCatalogueValidatingCompositeRulesNamesExactlyTheAlarmsTheStackCreates() {
        List<String> created = stack.alarms().stream().map(BaselineAlarm::shortName).toList();
        List<String> catalogue = AlarmCatalogue.shortNames(MonitoredWorkload.fromConfig(config),
                MonitoringSettings.fromConfig(config));
        assertThat(created.subList(0, created.size() - 1)).containsExactlyInAnyOrderElementsOf(catalogue);
        assertThat(created).doesNotHaveDuplicates();
    }

    @Test
    void theServicesDeploymentsAreReportedUnlessSwitchedOff() throws java.io.IOException {
        // prod's services all run in one cluster: one rule per outcome, in the parent stack
        template.hasResourceProperties("AWS::Events::Rule", Map.of("Name", "django-ms-prod-ecs-deployment-completed",
                "EventPattern", software.amazon.awscdk.assertions.Match.objectLike(Map.of("resources", List.of(Map.of("prefix",
                        Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                ":ecs:ap-southeast-1:777788889999:service/django-ms-prod/")))))))));
        template.hasResourceProperties("AWS::Events::Rule", Map.of("Name", "django-ms-prod-ecs-deployment-failed"));
        // monitoring.deploymentAlerts false: none
        EnvironmentConfig quiet = prodWith("prodq", "{ \"monitoring\": { \"deploymentAlerts\": false } }");
        StackTemplates off = StackTemplates.of(new MonitoringStack(TestApps.app(), "Quiet",
                MonitoringStackProps.fromConfig(quiet, StackProps.builder().build())));
        assertThat(off.findResources("AWS::Events::Rule")).isEmpty();
    }

    @Test
    void everyAlarmIsNamedProjectEnvironmentResourceSignalSeverity() {
        assertThat(stack.alarms()).allSatisfy(a -> assertThat(a.name())
                .matches("django-ms-prod-[a-z0-9-]+-(warning|critical)"));
    }

    @Test
    void theUserCompositeRuleIsRenderedWithFullNames() {
        template.hasResourceProperties("AWS::CloudWatch::CompositeAlarm", Map.of(
                "AlarmName", "django-ms-prod-checkout-degraded-critical",
                "AlarmRule", "ALARM(\"django-ms-prod-order-service-5xx-rate-critical\") AND"
                        + " (ALARM(\"django-ms-prod-db-main-degraded-critical\") OR"
                        + " ALARM(\"django-ms-prod-cache-sessions-001-engine-cpu-critical\"))"));
    }

    @Test
    void overridesApplyInOrderSeedThenEnvironmentThenResource() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "django-ms-prod-api-gateway-latency-p99-warning", "Threshold", 0.8));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "django-ms-prod-user-service-latency-p99-warning", "Threshold", 1));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "django-ms-prod-cache-sessions-003-hit-rate-warning", "Threshold", 90));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "django-ms-prod-order-service-payment-errors-critical", "Threshold", 3));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName",
                "django-ms-prod-order-service-requests-anomaly-warning", "Metrics", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Expression", "ANOMALY_DETECTION_BAND(m, 2.5)"))))));
    }

    @Test
    void serviceLogGroupsAreCreatedWithStableIdsAndRetainedInProd() {
        template.hasResource("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of("LogGroupName", "/ecs/django-ms-prod-api-gateway",
                        "RetentionInDays", 365))));
        assertThat(template.findResources("AWS::Logs::LogGroup").keySet())
                .anyMatch(id -> id.matches("\\d+/LogsLogGroup.*"));
        assertThat(template.findResources("AWS::SNS::Topic").keySet()).allMatch(id -> id.startsWith("Alerts"));
    }

    @Test
    void theDashboardHasAlarmStatusServiceDatabaseCacheWafAndLogSections() {
        template.hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of("DashboardName", "django-ms-prod-operations",
                "DashboardBody", Match.objectLike(Map.of("Fn::Join", Match.arrayWith(List.of(Match.arrayWith(List.of(
                        Match.stringLikeRegexp("^\\{\"widgets\":\\[\\{\"type\":\"text\".*## Alarm status.*\"type\":\"alarm\".*")))))))));
        String body = template.json();
        assertThat(body).contains("## Service api-gateway", "## Databases", "## Caches",
                "## Web firewall (django-ms-prod-web-acl)", "AWS/WAFV2", "SOURCE '", "## Logs");
        assertThat(stack.dashboards().widgetCounts()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(250));
    }

    @Test
    void anEnvironmentWithoutTheWafHasNoWebFirewallSection() throws java.io.IOException {
        EnvironmentConfig noWaf = prodWith("nowaf", "{ \"security\": { \"waf\": { \"enabled\": false } } }");
        assertThat(MonitoringSettings.fromConfig(noWaf).webAclName()).isNull();
        assertThat(MonitoringSettings.fromConfig(config).webAclName()).isEqualTo("django-ms-prod-web-acl");
    }

    @Test
    void queriesAndCanariesCoverEveryService() {
        template.resourceCountIs("AWS::Logs::QueryDefinition", 6);
        template.resourceCountIs("AWS::Synthetics::Canary", 5);
        template.resourceCountIs("AWS::Logs::MetricFilter", 25);
    }

    /** An environment {@code name} extending prod with {@code json}'s keys (an object without "extends"). */
    private static EnvironmentConfig prodWith(String name, String json) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cfg-");
        for (String f : List.of("base.json", "prod.json")) {
            java.nio.file.Files.copy(ProjectPaths.stacksConfig().resolve(f), dir.resolve(f));
        }
        java.nio.file.Files.writeString(dir.resolve(name + ".json"), "{ \"extends\": \"prod\", " + json.strip().substring(1));
        return new ConfigLoader(dir).load(name);
    }
}
