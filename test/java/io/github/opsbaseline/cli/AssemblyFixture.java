package io.github.opsbaseline.cli;

import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.cost.estimate.CloudAssemblyStacks;
import io.github.opsbaseline.cost.estimate.PriceBook;
import io.github.opsbaseline.cost.estimate.TemplateEstimator;
import io.github.opsbaseline.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small cloud assembly of prod (one monitoring stack with two alarms and a dashboard), without a synth. */
final class AssemblyFixture {

    private static Path last;

    private AssemblyFixture() { }

    static Path write(Path dir) throws IOException {
        Files.writeString(dir.resolve("manifest.json"), """
                {"version":"48.0.0","artifacts":{"django-ms-prod-monitoring":{"type":"aws:cloudformation:stack",
                  "environment":"aws://777788889999/ap-southeast-1",
                  "properties":{"templateFile":"django-ms-prod-monitoring.template.json","stackName":"django-ms-prod-monitoring",
                    "tags":{"project":"django-ms","environment":"prod"}},"displayName":"django-ms-prod-monitoring"}}}""");
        Files.writeString(dir.resolve("django-ms-prod-monitoring.template.json"), """
                {"Resources":{
                  "CpuAlarm":{"Type":"AWS::CloudWatch::Alarm","Properties":{"AlarmName":"django-ms-prod-main-cpu-warning",
                    "MetricName":"CPUUtilization","Namespace":"AWS/RDS","Statistic":"Average","Period":300,"EvaluationPeriods":3,
                    "Threshold":75,"ComparisonOperator":"GreaterThanOrEqualToThreshold"}},
                  "TasksAlarm":{"Type":"AWS::CloudWatch::Alarm","Properties":{"AlarmName":"django-ms-prod-order-service-running-tasks-critical",
                    "MetricName":"RunningTaskCount","Namespace":"ECS/ContainerInsights","Statistic":"Average","Period":60,
                    "EvaluationPeriods":3,"Threshold":3,"ComparisonOperator":"LessThanThreshold"}},
                  "Dashboard":{"Type":"AWS::CloudWatch::Dashboard","Properties":{"DashboardName":"django-ms-prod","DashboardBody":"{}"}}}}""");
        last = dir;
        return dir;
    }

    /** What the cost command's estimator gives for the fixture: the CLI must show exactly this. */
    static double expectedUsd() throws IOException {
        EnvironmentConfig prod = new ConfigLoader(ProjectPaths.stacksConfig()).load("prod");
        double total = new TemplateEstimator(PriceBook.load()).estimate("prod", prod.region(), CloudAssemblyStacks.of(last, prod),
                prod.cost().assumptions()).totalUsd();
        return java.math.BigDecimal.valueOf(total).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }

}
