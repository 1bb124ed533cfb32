package io.github.opsbaseline.monitoring.loadbalancer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.github.opsbaseline.monitoring.MonitoringFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadBalancerAlarmsTest {

    private Template template;

    @BeforeAll
    void synth() {
        Stack stack = MonitoringFixtures.stack();
        new LoadBalancerAlarms(stack, "Alb", new LoadBalancerAlarmsProps(MonitoringFixtures.options(stack),
                "alb-public", "app/shop/0123456789abcdef"));
        template = Template.fromStack(stack);
    }

    @Test
    void loadBalancerFiveXxIsAPercentageOfRequestsOnTheLoadBalancerDimension() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-alb-public-elb-5xx-rate-critical",
                "Threshold", 10, "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Id", "errors",
                        "MetricStat", Match.objectLike(Map.of("Metric", Map.of("Namespace", "AWS/ApplicationELB",
                                "MetricName", "HTTPCode_ELB_5XX_Count",
                                "Dimensions", List.of(Map.of("Name", "LoadBalancer", "Value", "app/shop/0123456789abcdef")))))))))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-alb-public-target-5xx-rate-warning",
                "Threshold", 5));
    }

    @Test
    void theLoadBalancersOwn5xxAreCountedInTheirDenominatorSoNoTargetLeftReads100Percent() {
        // RequestCount leaves out the 503s of "no healthy target": a share over RequestCount alone would be
        // 0 (or nothing) exactly when the service is down
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-alb-public-elb-5xx-rate-critical",
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Id", "signal", "Expression",
                        "IF(FILL(requests, 0) + FILL(errors, 0) > 0,"
                                + " 100 * FILL(errors, 0) / (FILL(requests, 0) + FILL(errors, 0)), 0)"))))));
    }

    @Test
    void rejectedConnectionsWarnOnAnyAndPageAtAHundred() {
        Map<String, Object> warning = new HashMap<>(Map.of("AlarmName", "shop-test-alb-public-rejected-connections-warning",
                "MetricName", "RejectedConnectionCount", "Statistic", "Sum", "Threshold", 0, "Period", 300,
                "ComparisonOperator", "GreaterThanThreshold"));
        warning.putAll(MonitoringFixtures.actionsTo("Warning"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", warning);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "shop-test-alb-public-rejected-connections-critical", "Threshold", 100));
    }

    @Test
    void latencyP99AndAverageOnTheLoadBalancer() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-alb-public-latency-p99-warning",
                "ExtendedStatistic", "p99", "Threshold", 1));
        template.resourceCountIs("AWS::CloudWatch::Alarm", 10);
    }
}
