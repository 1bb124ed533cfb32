package io.github.opsbaseline.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class DrHealthCheckTest {

    @Test
    void functionIsInlinePythonOnTheLatestRuntimeInTheVpcWithOneConcurrentRun() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "django-ms-prod-dr-health-check",
                "Runtime", "python3.14",
                "Handler", "index.handler",
                "Code", Map.of("ZipFile", DrHealthCheck.source()),
                "ReservedConcurrentExecutions", 1,
                "DeadLetterConfig", Map.of("TargetArn", Map.of("Fn::ImportValue", Match.stringLikeRegexp("Critical"))),
                "VpcConfig", Map.of("SubnetIds", List.of("subnet-03c4d5e6f7a8b9c01", "subnet-03c4d5e6f7a8b9c02",
                        "subnet-03c4d5e6f7a8b9c03"), "SecurityGroupIds", List.of(Match.anyValue())),
                "KmsKeyArn", Match.anyValue()));
    }

    @Test
    void functionIsToldTheThresholdTheVaultsTheDatabasesAndTheHealthUrls() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                "VAULT_NAME", "django-ms-prod-vault",
                "DR_VAULT_ARN", "arn:aws:backup:ap-southeast-2:777788889999:backup-vault:django-ms-prod-vault-dr",
                "MAX_RECOVERY_POINT_AGE_HOURS", "26",
                "METRIC_NAMESPACE", "OpsBaseline/Backup",
                "HEALTH_URLS", "[\"https://api.example.com/health\",\"https://api.example.com/api/users/health\","
                        + "\"https://api.example.com/api/products/health\",\"https://api.example.com/api/orders/health\","
                        + "\"https://api.example.com/api/notifications/health\"]")))));
    }

    @Test
    void aCriticalAlarmPagesOnAFailedRunAndOnRunsThatStopButNotBeforeTheFirst() {
        // a failed run is the minimum of its period; no run in two intervals is INSUFFICIENT_DATA,
        // which pages too; a new alarm starts in that state, which triggers nothing
        Template t = TemplateSupport.backup("prod");
        Map<String, Object> critical = Map.of("Fn::ImportValue", Match.stringLikeRegexp("Critical"));
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "django-ms-prod-dr-health-unhealthy-critical",
                "Namespace", "OpsBaseline/Backup", "MetricName", "DrHealthy", "Statistic", "Minimum",
                "Dimensions", List.of(Map.of("Name", "Environment", "Value", "django-ms-prod")),
                "ComparisonOperator", "LessThanThreshold", "Threshold", 1,
                "Period", 7200, "EvaluationPeriods", 1,
                "TreatMissingData", "missing"));
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "django-ms-prod-dr-health-unhealthy-critical",
                "AlarmActions", List.of(critical), "OKActions", List.of(critical),
                "InsufficientDataActions", List.of(critical)));
        // a daily check's period stays within CloudWatch's one day
        assertThat(DrHealthCheck.alarmPeriod(software.amazon.awscdk.Duration.hours(24)).toSeconds().intValue()).isEqualTo(86_400);
        t.hasResourceProperties("AWS::Events::Rule", Map.of("ScheduleExpression", "rate(1 hour)"));
        t.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/aws/lambda/django-ms-prod-dr-health-check",
                "RetentionInDays", 365, "KmsKeyId", Match.anyValue()));
    }

    @Test
    void aHealthUrlOnAnotherPortOpensThatPortToo() {
        assertThat(DrHealthCheck.httpsPorts(List.of("https://api.example.com/health", "https://api.example.com:8443/health",
                "https://admin.example.com:8443/ping", "https://x.example.com:9443"))).containsExactly(443, 8443, 9443);
    }

    @Test
    void excludedDatabasesAreNotExpectedAndListedResourcesAre() throws IOException {
        // GIVEN prod with its main database excluded from backup and a table listed by ARN
        BackupFixtures.Built prodx = prodWith("""
                { "extends": "prod", "backup": { "selection": {
                    "excludeArns": ["arn:aws:rds:ap-southeast-1:777788889999:db:django-ms-prod-db"],
                    "resourceArns": ["arn:aws:dynamodb:ap-southeast-1:777788889999:table/carts"] } } }
                """);

        // THEN the DR check expects the table and not the excluded database, which is never backed up
        Template t = Template.fromStack(prodx.backup());
        t.hasResourceProperties("AWS::Lambda::Function", Map.of("Environment", Map.of("Variables", Match.objectLike(Map.of(
                "PROTECTED_ARNS", "[\"arn:aws:dynamodb:ap-southeast-1:777788889999:table/carts\"]")))));
        assertThat(prodx.config().backup().selection().databases(prodx.config())).isEmpty();
    }

    @Test
    void anAccountWhoseQuotaAllowsNoReservationGetsNoneAndTheCompliancePacksStillPass() throws IOException {
        // GIVEN prod (HIPAA, NIST 800-53) on an account whose Lambda concurrency quota is 10
        BackupFixtures.Built prodx = prodWith("""
                { "extends": "prod", "backup": { "drHealthCheck": { "reserveConcurrency": false } } }
                """);

        // THEN the check reserves nothing, and the packs' LambdaConcurrency rules are suppressed with a reason
        Template t = Template.fromStack(prodx.backup());
        t.hasResourceProperties("AWS::Lambda::Function", Map.of("FunctionName", "django-ms-prodx-dr-health-check",
                "ReservedConcurrentExecutions", Match.absent()));
        assertThat(io.github.opsbaseline.testing.NagFindings.of(prodx.backup())).isEmpty();
        t.hasResource("AWS::Lambda::Function", Match.objectLike(Map.of("Metadata", Match.objectLike(Map.of("cdk_nag",
                Map.of("rules_to_suppress", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("id", "HIPAA.Security-LambdaConcurrency",
                                "reason", Match.stringLikeRegexp("concurrency quota is still low"))),
                        Match.objectLike(Map.of("id", "NIST.800.53.R5-LambdaConcurrency"))))))))));
        // and by default it reserves one run (the test above), with nothing suppressed for it
        assertThat(Template.fromStack(BackupFixtures.built("prod").backup()).toJSON().toString())
                .doesNotContain("LambdaConcurrency");
    }

    /** Prod's backup stacks as the app builds them (compliance packs included), from a file extending prod. */
    private static BackupFixtures.Built prodWith(String prodxJson) throws IOException {
        Path dir = Files.createTempDirectory("cfg-");
        for (String f : List.of("base.json", "prod.json")) {
            Files.copy(Path.of("stacks-config", f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("prodx.json"), prodxJson);
        return BackupFixtures.build(new io.github.opsbaseline.config.ConfigLoader(dir).load("prodx"),
                "cdk.out-backup-" + dir.getFileName());
    }

    @Test
    void theSecurityGroupAllowsOnlyHttpsOut() {
        TemplateSupport.backup("prod").hasResourceProperties("AWS::EC2::SecurityGroup", Map.of(
                "VpcId", "vpc-03c4d5e6f7a8b9c0d",
                "SecurityGroupEgress", List.of(Match.objectLike(Map.of("IpProtocol", "tcp", "FromPort", 443, "ToPort", 443))),
                "SecurityGroupIngress", Match.absent()));
    }

    @Test
    void theInlineCodeReportsStaleRecoveryPointsFailedJobsAndDeadUrls() throws Exception {
        // GIVEN the inline Python source with boto3 stubbed: a fresh (AVAILABLE) and a stale recovery
        // point, an expired one that does not count, an unlisted resource last backed up a month ago
        // (taken out of the plan), a failed backup job, a completed copy job, and an unreachable URL
        // Required, not assumed: a machine without Python would otherwise pass without testing the check.
        assertThat(python()).as("python3 on the PATH (README, The two commands)").isNotNull();
        Path dir = Files.createTempDirectory("dr-check-");
        Files.writeString(dir.resolve("index.py"), DrHealthCheck.source());
        Files.writeString(dir.resolve("boto3.py"), """
                import datetime
                NOW = datetime.datetime.now(datetime.timezone.utc)
                CALLS = []
                class _Pages:
                    def __init__(self, op): self.op = op
                    def paginate(self, **kw):
                        if self.op == "list_backup_jobs":
                            # two pages: the failed job is on the second
                            return [{"BackupJobs": [{"BackupJobId": "b0", "ResourceArn": "arn:db:fresh", "State": "COMPLETED"}]},
                                    {"BackupJobs": [{"BackupJobId": "b1", "ResourceArn": "arn:db:fresh", "State": "FAILED"}]}]
                        if self.op == "list_copy_jobs":
                            return [{"CopyJobs": [{"CopyJobId": "c1", "ResourceArn": "arn:db:fresh", "State": "COMPLETED"}]}]
                        return [{"RecoveryPoints": [
                            {"ResourceArn": "arn:db:fresh", "CreationDate": NOW - datetime.timedelta(hours=2), "Status": "AVAILABLE"},
                            {"ResourceArn": "arn:db:missing", "CreationDate": NOW - datetime.timedelta(hours=1), "Status": "EXPIRED"},
                            {"ResourceArn": "arn:db:stale", "CreationDate": NOW - datetime.timedelta(hours=50), "Status": "COMPLETED"},
                            {"ResourceArn": "arn:db:retired", "CreationDate": NOW - datetime.timedelta(days=30), "Status": "COMPLETED"}]}]
                class _Client:
                    def __init__(self, name): self.name = name
                    def get_paginator(self, op): return _Pages(op)
                    def put_metric_data(self, **kw): CALLS.append(("metric", kw))
                    def publish(self, **kw): CALLS.append(("publish", kw))
                def client(name): return _Client(name)
                """);
        Files.writeString(dir.resolve("run.py"), """
                import json, index, boto3
                result = index.handler({}, None)
                print(json.dumps({"result": result, "calls": [[c[0], c[1].get("Subject", ""), c[1].get("MetricData", [{}])[0].get("Value", "")] for c in boto3.CALLS],
                                  "message": [c[1].get("Message") for c in boto3.CALLS if c[0] == "publish"]}))
                # the message per protocol: Chatbot's custom notification by default, the text for email
                publish = [c[1] for c in boto3.CALLS if c[0] == "publish"][0]
                assert publish["MessageStructure"] == "json", publish
                per_protocol = json.loads(publish["Message"])
                chat = json.loads(per_protocol["default"])
                print(json.dumps({"chat": chat, "email": per_protocol["email"], "sms": per_protocol["sms"]}))
                # a report of many resources is cut for Slack, not for email
                long = json.loads(index.message(["title"] + ["line %d %s" % (i, "x" * 90) for i in range(100)]))
                cut = json.loads(long["default"])["content"]["description"]
                print(json.dumps({"slack_chars": len(cut) == 3000, "cut": cut.endswith("the email report has every line)"),
                                  "email_lines": long["email"].count("\\n") + 1}))
                """);
        ProcessBuilder pb = new ProcessBuilder(python(), "run.py").directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("VAULT_NAME", "v", "DR_VAULT_ARN", "arn:dr", "MAX_RECOVERY_POINT_AGE_HOURS", "26",
                "REPORT_TOPIC_ARN", "arn:topic", "METRIC_NAMESPACE", "OpsBaseline/Backup", "ENVIRONMENT", "p-prod",
                "PROTECTED_ARNS", "[\"arn:db:fresh\",\"arn:db:missing\"]", "HEALTH_URLS", "[\"https://127.0.0.1:9/health\"]"));
        // WHEN the handler runs
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // THEN every problem is reported, the metric is 0 and the report goes to the topic
        assertThat(out).contains("\"healthy\": false")
                .contains("arn:db:stale: newest recovery point is 50.0 h old (limit 26 h)")
                .contains("no recovery point for arn:db:missing")
                .contains("arn:db:fresh: newest recovery point 2.0 h old")
                .contains("arn:db:retired: newest recovery point 720.0 h old; not listed and not backed up for 7 days,"
                        + " so no longer protected")
                .doesNotContain("arn:db:retired: newest recovery point is")
                .contains("backup job b1 for arn:db:fresh: FAILED")
                .contains("backup jobs in the last day: 2, failed: 1")
                .contains("https://127.0.0.1:9/health")
                .contains("[\"metric\", \"\", 0]")
                .contains("[\"publish\", \"DR health of p-prod: FAILED\", \"\"]")
                .contains("\"chat\": {\"version\": \"1.0\", \"source\": \"custom\", \"content\": {\"textType\": \"client-markdown\","
                        + " \"title\": \"DR health of p-prod: FAILED\", \"description\": \"PROBLEM: ")
                .contains("\"email\": \"DR health of p-prod: FAILED\\nPROBLEM: ")
                .contains("\"sms\": \"DR health of p-prod: FAILED\"")
                .contains("{\"slack_chars\": true, \"cut\": true, \"email_lines\": 101}")
                .doesNotContain("copy job c1");
    }

    private static String python() {
        for (String candidate : List.of("python3", "python")) {
            try {
                Process p = new ProcessBuilder(candidate, "--version").redirectErrorStream(true).start();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException | InterruptedException e) {
                // try the next name
            }
        }
        return null;
    }

    @Test
    void theFunctionIsCreatedAfterThePolicyLambdaChecksAtCreation() {
        // Lambda checks the VPC and dead-letter permissions when it creates the function: the policy
        // that holds them must be in place first, not only the role
        Template t = TemplateSupport.backup("prod");
        Map<String, Map<String, Object>> functions = t.findResources("AWS::Lambda::Function");
        assertThat(functions).hasSize(1);
        assertThat(functions.values().iterator().next().get("DependsOn").toString()).contains("DrHealthCheckPolicy");
    }
}
