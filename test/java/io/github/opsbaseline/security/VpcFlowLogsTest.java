package io.github.opsbaseline.security;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class VpcFlowLogsTest {

    @Test
    void prodLogsEveryFlowToLogsAndS3InTheCustomFormat() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::EC2::FlowLog", Map.of("ResourceId", "vpc-03c4d5e6f7a8b9c0d",
                "ResourceType", "VPC", "TrafficType", "ALL", "LogDestinationType", "cloud-watch-logs",
                "MaxAggregationInterval", 60,
                "LogFormat", Match.stringLikeRegexp("\\$\\{tcp-flags\\}.*\\$\\{pkt-srcaddr\\}.*\\$\\{az-id\\}.*\\$\\{flow-direction\\} \\$\\{traffic-path\\}$")));
        t.hasResourceProperties("AWS::EC2::FlowLog", Map.of("LogDestinationType", "s3",
                "LogDestination", Match.anyValue(), "ResourceId", "vpc-03c4d5e6f7a8b9c0d"));
        t.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/vpc/flow-logs/django-ms-prod-main",
                "KmsKeyId", Match.anyValue(), "RetentionInDays", 365));
    }

    @Test
    void logDeliveryMayUseTheKeyOnlyForThisAccount() {
        SecurityTemplates.hasKeyStatement("prod", Map.of("Sid", "LogDeliveryUsesTheKey",
                "Principal", Map.of("Service", "delivery.logs.amazonaws.com"),
                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "777788889999"))));
    }

    @Test
    void rejectsAreCountedAlarmedAndQueryable() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::Logs::MetricFilter", Map.of(
                "FilterPattern", Match.stringLikeRegexp("action=\"REJECT\""),
                "MetricTransformations", List.of(Match.objectLike(Map.of("MetricName", "RejectedFlows-main")))));
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "django-ms-prod-vpc-main-rejected-flows-warning", "MetricName", "RejectedFlows-main")));
        t.hasResourceProperties("AWS::Logs::QueryDefinition", Map.of(
                "Name", "django-ms-prod-flow-logs-main-top-rejected-sources",
                "QueryString", Match.stringLikeRegexp("filter action = \"REJECT\"")));
        t.hasResourceProperties("AWS::Logs::QueryDefinition", Map.of(
                "Name", "django-ms-prod-flow-logs-main-top-talkers",
                "QueryString", Match.stringLikeRegexp("sum\\(bytes\\)")));
    }

    @Test
    void devRecordsOnlyRejectsToLogs() {
        Template t = SecurityTemplates.of("dev");
        t.resourceCountIs("AWS::EC2::FlowLog", 1);
        t.hasResourceProperties("AWS::EC2::FlowLog", Map.of("TrafficType", "REJECT", "MaxAggregationInterval", 600));
    }

    @Test
    void onlyThisAccountsFlowLogsMayAssumeTheDeliveryRole() {
        SecurityTemplates.of("prod").hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument",
                Map.of("Statement", List.of(Map.of("Action", "sts:AssumeRole", "Effect", "Allow",
                        "Principal", Map.of("Service", "vpc-flow-logs.amazonaws.com"),
                        "Condition", Map.of(
                                "StringEquals", Map.of("aws:SourceAccount", "777788889999"),
                                "ArnLike", Map.of("aws:SourceArn", Map.of("Fn::Join", List.of("", List.of("arn:",
                                        Map.of("Ref", "AWS::Partition"),
                                        ":ec2:ap-southeast-1:777788889999:vpc-flow-log/*"))))))))));
    }
}
