package io.github.opsbaseline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small cloud assembly of prod (one monitoring stack with two alarms and a dashboard), without a synth. */
final class AssemblyFixture {

    private AssemblyFixture() { }

    static Path write(Path dir) throws IOException {
        Files.writeString(dir.resolve("manifest.json"), """
                {"version":"48.0.0","artifacts":{"django-ms-prod-monitoring":{"type":"aws:cloudformation:stack",
                  "environment":"aws://777788889999/ap-southeast-1",
                  "properties":{"templateFile":"django-ms-prod-monitoring.template.json","stackName":"django-ms-prod-monitoring",
                    "tags":{"project":"django-ms","environment":"prod"}},"displayName":"django-ms-prod-monitoring"}}}""");
        Files.writeString(dir.resolve("django-ms-prod-monitoring.template.json"), """
                {"Resources":{
                  "CpuAlarm":{"Type":"AWS::CloudWatch::Alarm","Properties":{"AlarmName":"django-ms-prod-db-main-cpu-warning",
                    "MetricName":"CPUUtilization","Namespace":"AWS/RDS","Statistic":"Average","Period":300,"EvaluationPeriods":3,
                    "Threshold":75,"ComparisonOperator":"GreaterThanOrEqualToThreshold"}},
                  "TasksAlarm":{"Type":"AWS::CloudWatch::Alarm","Properties":{"AlarmName":"django-ms-prod-order-service-running-tasks-critical",
                    "MetricName":"RunningTaskCount","Namespace":"ECS/ContainerInsights","Statistic":"Average","Period":60,
                    "EvaluationPeriods":3,"Threshold":3,"ComparisonOperator":"LessThanThreshold"}},
                  "Dashboard":{"Type":"AWS::CloudWatch::Dashboard","Properties":{"DashboardName":"django-ms-prod","DashboardBody":"{}"}}}}""");
        return dir;
    }

}
