package io.github.opsbaseline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.testing.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code status --env prod} against AWS on loopback: sections, formats, watch, exit codes, error paths. */
class StatusCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static long count(List<String> received, String action) {
        return received.stream().filter(action::equals).count();
    }

    @Test
    void theTableShowsFiringAlarmsCriticalFirstThenEverySectionAndExits1() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            // WHEN an operator runs status for prod while the order-service is down
            CliRun run = CliRun.status(aws, "--env", "prod");

            // THEN a critical alarm fires: exit 1, alarms first, critical before warning
            assertThat(run.exitCode()).isEqualTo(StatusCommand.CRITICAL_ALARM);
            String out = run.stdout();
            assertThat(out).containsSubsequence("ALARMS IN ALARM (3)", "CRITICAL  django-ms-prod-order-service-running-tasks-critical",
                    "CRITICAL  django-ms-prod-order-service-service-down-critical", "WARNING   django-ms-prod-db-main-cpu-warning",
                    "SERVICES", "INFRA", "LOGS", "COST", "exit 1: a critical alarm is firing");
            // services: task counts, deployment, target health
            assertThat(out).containsPattern("order-service +ACTIVE +3 +1 +2 +IN_PROGRESS +1/1/1");
            // infra: databases, cache, WAF, GuardDuty, Config, backups
            assertThat(out).containsPattern("main +django-ms-prod-db +available +41\\.4 +61\\.3 +312 \\(18\\.4%\\) +142\\.6 GiB \\(71\\.3%\\)");
            assertThat(out).containsPattern("sessions +django-ms-prod-redis +available +3 +12\\.4 +58\\.2 +331");
            assertThat(out).contains("WAF django-ms-prod-web-acl: 263 requests blocked in the last hour",
                    "GuardDuty: critical 0, high 1, medium 3, low 6 active findings",
                    "Config rules out of compliance: 2", "django-ms-prod-s3-bucket-logging-enabled (2 resources)");
            assertThat(out).containsPattern("django-ms-prod-vault +ap-southeast-1 +COMPLETED 2026-11-23 02:05 UTC +COMPLETED 2026-11-23 02:31 UTC +2\\.9 h ago");
            assertThat(out).containsPattern("django-ms-prod-vault-dr +ap-southeast-2 +- \\(copy target\\) +- \\(copy target\\) +2\\.1 h ago");
            // logs and cost
            assertThat(out).containsPattern("order-service +46\\+ +orders\\.views\\.create_order \\(27\\)");
            assertThat(out).contains("month to date        1,712.44", "forecast month end   2,345.61", "budget               2,500.00",
                    "baseline (offline)   not available: pass --assembly <cdk.out>");
            assertThat(out).doesNotContain("NOT READ");
            assertThat(run.stderr()).isEmpty();
        }
    }

    @Test
    void jsonCarriesEveryDocumentedFieldAndTheSameExitCode() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun run = CliRun.status(aws, "--env", "prod", "--output", "json");

            assertThat(run.exitCode()).isEqualTo(1);
            JsonNode report = JSON.readTree(run.stdout());
            assertThat(report.fieldNames()).toIterable().containsExactly("schemaVersion", "project", "environment", "account",
                    "region", "generatedAt", "sections", "exitCode", "alarms", "services", "infra", "logs", "cost", "problems");
            assertThat(report.get("exitCode").asInt()).isEqualTo(1);
            assertThat(report.at("/alarms/0/severity").asText()).isEqualTo("critical");
            assertThat(report.at("/alarms/2/severity").asText()).isEqualTo("warning");
            assertThat(report.at("/services/3/running").asInt()).isEqualTo(1);
            assertThat(report.at("/services/3/targets/unhealthy").asInt()).isEqualTo(1);
            assertThat(report.at("/infra/databases/0/connectionsPercent").asDouble()).isEqualTo(18.4);
            assertThat(report.at("/infra/caches/0/connections").asInt()).isEqualTo(331);
            assertThat(report.at("/infra/waf/blockedRequestsLastHour").asLong()).isEqualTo(263);
            assertThat(report.at("/infra/guardDuty/high").asInt()).isEqualTo(1);
            assertThat(report.at("/infra/configRules/nonCompliantCount").asInt()).isEqualTo(2);
            assertThat(report.at("/infra/backupVaults/1/newestRecoveryPointAgeHours").asDouble()).isEqualTo(2.1);
            assertThat(report.at("/logs/services/3/truncated").asBoolean()).isTrue();
            assertThat(report.at("/cost/forecastMonthEndUsd").asDouble()).isEqualTo(2345.61);
            assertThat(report.at("/cost/baselineEstimateUsd").isNull()).isTrue();
            assertThat(report.get("problems")).isEmpty();
        }
    }

    @Test
    void onlyAWarningFiringExits0() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet())) {
            CliRun run = CliRun.status(aws, "--env", "prod");
            assertThat(run.exitCode()).isEqualTo(StatusCommand.OK);
            assertThat(run.stdout()).contains("ALARMS IN ALARM (1)", "exit 0: all read, no critical alarm");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "--services-only, SERVICES, ecs:DescribeServices, ce:GetCostAndUsage",
        "--infra-only, INFRA, cloudwatch:GetMetricData, ecs:DescribeServices",
        "--logs-only, LOGS:, logs:StartQuery, cloudwatch:GetMetricData",
        "--cost-only, COST, ce:GetCostForecast, logs:StartQuery"})
    void anOnlyFlagReadsTheAlarmsAndThatSectionAlone(String flag, String heading, String called, String notCalled) throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun run = CliRun.status(aws, "--env", "prod", flag);

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.stdout()).contains("ALARMS IN ALARM", heading);
            List<String> others = new java.util.ArrayList<>(List.of("\nSERVICES", "\nINFRA", "\nLOGS:", "\nCOST"));
            others.removeIf(h -> h.trim().equals(heading));
            others.forEach(h -> assertThat(run.stdout()).doesNotContain(h));
            assertThat(aws.received()).contains("cloudwatch:DescribeAlarms", called).doesNotContain(notCalled);
        }
    }

    @Test
    void watchRefreshesInPlaceUntilTheBoundAndReadsCostOncePerHour() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun run = CliRun.status(aws, "--env", "prod", "--watch", "--interval", "5", "--max-refreshes", "3");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.stdout().split("\033\\[H\033\\[2J", -1)).hasSize(4);
            assertThat(run.stdout()).contains("every 5 s, reading 1;", "every 5 s, reading 3;");
            assertThat(count(aws.received(), "cloudwatch:DescribeAlarms")).isEqualTo(3);
            assertThat(count(aws.received(), "ce:GetCostAndUsage")).isEqualTo(1);
        }
    }

    @Test
    void aCostReadingThatFailedIsReadAgainAtTheNextRefreshAndStillCounts() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet())) {
            aws.denyAlways("ce:GetCostAndUsage");
            CliRun run = CliRun.status(aws, "--env", "prod", "--output", "json", "--watch", "--max-refreshes", "2");

            assertThat(run.exitCode()).isEqualTo(4);
            for (String line : run.stdout().lines().toList()) {
                JsonNode report = JSON.readTree(line);
                assertThat(report.get("exitCode").asInt()).isEqualTo(4);
                assertThat(report.at("/problems/0/action").asText()).isEqualTo("ce:GetCostAndUsage");
            }
            assertThat(count(aws.received(), "ce:GetCostAndUsage")).isEqualTo(2);
        }
    }

    @Test
    void aMissingAssemblyIsReportedAtEveryRefreshWhileCostExplorerIsAskedOncePerHour(@TempDir Path dir) throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet())) {
            CliRun run = CliRun.status(aws, "--env", "prod", "--output", "json", "--watch", "--max-refreshes", "3",
                    "--assembly", dir.resolve("cdk.out").toString());

            assertThat(run.exitCode()).isEqualTo(4);
            List<String> lines = run.stdout().lines().toList();
            assertThat(lines).hasSize(3);
            for (String line : lines) {
                JsonNode report = JSON.readTree(line);
                assertThat(report.at("/problems/0/kind").asText()).isEqualTo("not-found");
                assertThat(report.at("/cost/forecastRemainingUsd").isNumber()).isTrue();
            }
            assertThat(count(aws.received(), "ce:GetCostAndUsage")).isEqualTo(1);
            assertThat(count(aws.received(), "ce:GetCostForecast")).isEqualTo(1);
        }
    }

    @Test
    void jsonWatchPrintsOneReportPerLine() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun run = CliRun.status(aws, "--env", "prod", "--output", "json", "--watch", "--max-refreshes", "2");

            List<String> lines = run.stdout().lines().toList();
            assertThat(lines).hasSize(2);
            for (String line : lines) {
                assertThat(JSON.readTree(line).get("exitCode").asInt()).isEqualTo(1);
            }
        }
    }

    @Test
    void missingCredentialsAreOneLineAndExit3BeforeAnyCall(@TempDir Path dir) throws Exception {
        Path emptyConfig = Files.writeString(dir.resolve("config"), "[profile someone-else]\nregion = eu-west-1\n");
        AwsAccess.Settings noCredentials = new AwsAccess.Settings(3, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1),
                java.time.Duration.ofMillis(5), emptyConfig, null);
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun run = CliRun.status(aws, noCredentials, ProdAccount.CLOCK, "--env", "prod", "--profile", "operator");

            assertThat(run.exitCode()).isEqualTo(StatusCommand.NO_CREDENTIALS);
            assertThat(run.stderr().lines().toList()).singleElement().asString()
                    .startsWith("no AWS credentials: ").contains("operator").contains("--profile NAME");
            assertThat(run.stdout()).isEmpty();
            assertThat(aws.received()).isEmpty();
        }
    }

    @Test
    void theRegionComesFromTheEnvironmentFileTheDrVaultFromDrRegionCostExplorerFromUsEast1() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun.status(aws, "--env", "prod");

            assertThat(aws.receivedWithRegions()).contains("ecs:DescribeServices@ap-southeast-1",
                    "backup:ListRecoveryPointsByBackupVault@ap-southeast-1", "backup:ListRecoveryPointsByBackupVault@ap-southeast-2",
                    "ce:GetCostAndUsage@us-east-1");
            assertThat(aws.receivedWithRegions()).filteredOn(r -> !r.startsWith("ce:") && !r.startsWith("backup:"))
                    .allMatch(r -> r.endsWith("@ap-southeast-1"));
        }
    }

    @Test
    void aNamedProfileSuppliesTheCredentials(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("config"), String.join("\n", "[profile operator]",
                "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""));
        AwsAccess.Settings fromProfile = new AwsAccess.Settings(3, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1),
                java.time.Duration.ofMillis(5), config, null);
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun run = CliRun.status(aws, fromProfile, ProdAccount.CLOCK, "--env", "prod", "--profile", "operator", "--cost-only");

            assertThat(run.exitCode()).isEqualTo(StatusCommand.CRITICAL_ALARM);
            assertThat(run.stdout()).contains("month to date        1,712.44");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "ecs:DescribeServices, task counts and deployment state",
        "cloudwatch:GetMetricData, 'database, cache and WAF metrics'",
        "backup:ListBackupJobs, last backup job per vault",
        "guardduty:ListDetectors, the region's GuardDuty detector"})
    void accessDeniedNamesTheMissingPermissionAndTheRestIsStillShown(String action, String usedFor) throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet())) {
            aws.denyAlways(action);

            CliRun run = CliRun.status(aws, "--env", "prod");

            assertThat(run.exitCode()).isEqualTo(StatusCommand.PARTIAL);
            assertThat(run.stdout()).contains("AccessDenied: this identity may not call " + action + " (" + usedFor + "); grant "
                    + action + " or attach the django-ms-prod-status-reader policy");
            assertThat(run.stdout()).contains("SERVICES", "INFRA", "LOGS", "COST", "month to date        1,712.44");
        }
    }

    @Test
    void aBackupListThatCannotBeReadIsNotReadNotNoneAndTheOtherListsAreStillRead() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet())) {
            aws.denyAlways("backup:ListBackupJobs");
            aws.denyAlways("cloudwatch:GetMetricData");

            CliRun run = CliRun.status(aws, "--env", "prod", "--infra-only");

            String vaultRow = run.stdout().lines().filter(l -> l.startsWith("  django-ms-prod-vault ")).findFirst().orElseThrow();
            assertThat(vaultRow).contains("not read").doesNotContain("none in 7 days").contains("h ago");
            assertThat(count(aws.received(), "backup:ListCopyJobs")).isPositive();
            assertThat(run.stdout()).contains("WAF django-ms-prod-web-acl: could not be read")
                    .doesNotContain("no data requests");
        }
    }

    @Test
    void refusedCredentialsAreNotReportedAsMissingPermissions() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet())) {
            aws.fault("ecs:DescribeServices", r -> new FakeAws.Response(400, "application/x-amz-json-1.1",
                    "{\"__type\":\"UnrecognizedClientException\",\"message\":\"The security token included in the request is invalid.\"}",
                    java.util.Map.of("x-amzn-ErrorType", "UnrecognizedClientException")));

            CliRun run = CliRun.status(aws, "--env", "prod", "--services-only", "--output", "json");

            JsonNode problem = JSON.readTree(run.stdout()).at("/problems/0");
            assertThat(problem.get("kind").asText()).isEqualTo("invalid-credentials");
            assertThat(problem.get("message").asText()).startsWith("UnrecognizedClientException: AWS refused these credentials")
                    .doesNotContain("grant");
        }
    }

    @Test
    void accessDeniedIsNotRetried() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet())) {
            aws.denyAlways("cloudwatch:DescribeAlarms");
            CliRun run = CliRun.status(aws, "--env", "prod", "--output", "json");

            assertThat(count(aws.received(), "cloudwatch:DescribeAlarms")).isEqualTo(1);
            JsonNode report = JSON.readTree(run.stdout());
            assertThat(report.get("alarms").isNull()).isTrue();
            assertThat(report.at("/problems/0/kind").asText()).isEqualTo("access-denied");
            assertThat(report.at("/problems/0/action").asText()).isEqualTo("cloudwatch:DescribeAlarms");
            assertThat(run.exitCode()).isEqualTo(StatusCommand.PARTIAL);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloudwatch:DescribeAlarms", "ecs:DescribeServices", "backup:ListRecoveryPointsByBackupVault",
        "ce:GetCostForecast"})
    void throttlingIsRetriedWithBackoffAndThenSucceeds(String action) throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet())) {
            aws.throttle(action, CliRun.MAX_ATTEMPTS - 1);

            CliRun run = CliRun.status(aws, "--env", "prod");

            assertThat(run.exitCode()).isEqualTo(StatusCommand.OK);
            assertThat(run.stdout()).doesNotContain("NOT READ");
            assertThat(count(aws.received(), action)).isGreaterThanOrEqualTo(CliRun.MAX_ATTEMPTS);
        }
    }

    @Test
    void throttlingThatOutlastsTheRetriesIsReportedWithTheAttemptsSpent() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet())) {
            aws.throttle("ce:GetCostForecast", 1000);

            CliRun run = CliRun.status(aws, "--env", "prod");

            assertThat(run.exitCode()).isEqualTo(StatusCommand.PARTIAL);
            assertThat(count(aws.received(), "ce:GetCostForecast")).isEqualTo(CliRun.MAX_ATTEMPTS);
            assertThat(run.stdout()).contains("NOT READ (1)", "[cost] throttled: ce:GetCostForecast was still throttled after 3 attempts"
                    + " with backoff; try again later or with a longer --interval");
            assertThat(run.stdout()).contains("month to date        1,712.44", "forecast month end   -");
        }
    }

    @Test
    void aPartialFailureShowsWhatWasReadSaysWhatWasNotAndExits4() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet())) {
            // GIVEN metrics and Logs Insights are off limits, and a vault lookup fails with a server error
            aws.denyAlways("cloudwatch:GetMetricData");
            aws.denyAlways("logs:StartQuery");
            aws.fault("backup:ListRecoveryPointsByBackupVault", r -> r.path().contains("vault-dr")
                    ? new FakeAws.Response(404, "application/json", "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Backup vault django-ms-prod-vault-dr not found\"}",
                            java.util.Map.of("x-amzn-ErrorType", "ResourceNotFoundException"))
                    : null);

            CliRun run = CliRun.status(aws, "--env", "prod", "--output", "json");

            assertThat(run.exitCode()).isEqualTo(StatusCommand.PARTIAL);
            JsonNode report = JSON.readTree(run.stdout());
            // what could be read is there
            assertThat(report.at("/infra/databases/0/status").asText()).isEqualTo("available");
            assertThat(report.at("/infra/databases/0/cpuPercent").isNull()).isTrue();
            assertThat(report.at("/services/0/running").asInt()).isEqualTo(4);
            assertThat(report.at("/infra/backupVaults/0/newestRecoveryPointAgeHours").asDouble()).isEqualTo(2.9);
            assertThat(report.at("/logs/services/0/errors").isNull()).isTrue();
            // and a value that could not be read says so, rather than reading as "none" or "no data"
            assertThat(report.at("/infra/waf/read").asBoolean()).isFalse();
            assertThat(report.at("/infra/backupVaults/0/notRead")).isEmpty();
            assertThat(report.at("/infra/backupVaults/1/notRead").toString()).isEqualTo("[\"newestRecoveryPoint\"]");
            // and what could not is listed, one problem per failed call
            assertThat(report.get("problems")).extracting(p -> p.get("kind").asText() + " " + p.get("action").asText())
                    .containsExactly("access-denied cloudwatch:GetMetricData",
                            "not-found backup:ListRecoveryPointsByBackupVault",
                            "access-denied logs:StartQuery", "access-denied logs:StartQuery", "access-denied logs:StartQuery",
                            "access-denied logs:StartQuery", "access-denied logs:StartQuery");
        }
    }

    @Test
    void aLogsQueryThatDoesNotFinishIsStoppedAndReported() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet().slowQueries())) {
            CliRun run = CliRun.status(aws, "--env", "prod", "--logs-only");

            assertThat(run.exitCode()).isEqualTo(StatusCommand.PARTIAL);
            assertThat(count(aws.received(), "logs:StopQuery")).isEqualTo(5);
            assertThat(count(aws.received(), "logs:GetQueryResults")).isEqualTo(5L * LogsReader.MAX_POLLS);
            assertThat(run.stdout()).contains("Logs Insights query on /ecs/django-ms-prod-order-service still running after 30 polls; stopped");
        }
    }

    @Test
    void aLogsQueryThatEndsTimeoutIsReportedAsATimeout() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet().queriesTimeOut())) {
            CliRun run = CliRun.status(aws, "--env", "prod", "--logs-only", "--output", "json");

            assertThat(run.exitCode()).isEqualTo(StatusCommand.PARTIAL);
            List<String> kinds = new java.util.ArrayList<>();
            JSON.readTree(run.stdout()).path("problems").forEach(p -> kinds.add(p.path("kind").asText()));
            assertThat(kinds).as(run.stdout()).hasSize(5).containsOnly("timeout");
        }
    }

    @Test
    void theOfflineEstimateComesFromAGivenAssembly(@TempDir Path dir) throws Exception {
        Path assembly = AssemblyFixture.write(dir);
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun run = CliRun.status(aws, "--env", "prod", "--cost-only", "--output", "json", "--assembly", assembly.toString());

            JsonNode cost = JSON.readTree(run.stdout()).get("cost");
            // the fixture's two standard alarms at $0.10 a month; its one dashboard is within the three free
            assertThat(cost.get("baselineEstimateUsd").asDouble()).isEqualTo(0.20);
            assertThat(cost.get("baselineEstimateSource").asText()).startsWith("offline estimate from " + assembly);
        }
    }

    @Test
    void anAlarmIsInAlarmSinceItsLastStateChangeNotItsLastUpdate() throws Exception {
        // the composite's StateUpdatedTimestamp (04:58:40, a child changed) is later than its transition
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun run = CliRun.status(aws, "--env", "prod", "--logs-only", "--output", "json");
            JsonNode composite = null;
            for (JsonNode alarm : JSON.readTree(run.stdout()).path("alarms")) {
                if (alarm.path("name").asText().equals("django-ms-prod-order-service-service-down-critical")) {
                    composite = alarm;
                }
            }
            assertThat(composite).as(run.stdout()).isNotNull();
            assertThat(composite.path("since").asText()).isEqualTo("2026-11-23T04:45:02Z");
        }
        // a response without StateTransitionedTimestamp falls back to the update time
        java.time.Instant updated = java.time.Instant.parse("2026-11-23T04:58:40Z");
        assertThat(AlarmsReader.since(null, updated)).isEqualTo(updated);
    }

    @Test
    void everyServicesThrottlingGetsTheLongerBackoff() {
        // treatAsThrottling replaces the SDK's own test: its throttling errors must still count
        assertThat(AwsAccess.throttling(software.amazon.awssdk.services.cloudwatch.model.CloudWatchException.builder()
                .statusCode(400).awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("Throttling").build()).build())).isTrue();
        assertThat(AwsAccess.throttling(software.amazon.awssdk.services.backup.model.BackupException.builder()
                .statusCode(429).awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("TooManyRequestsException").build()).build())).isTrue();
        // and the two LimitExceededExceptions the SDK does not know as such
        assertThat(AwsAccess.throttling(software.amazon.awssdk.services.costexplorer.model.LimitExceededException.builder()
                .statusCode(400).build())).isTrue();
        assertThat(AwsAccess.throttling(software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException.builder()
                .statusCode(400).build())).isTrue();
        // not a server error
        assertThat(AwsAccess.throttling(software.amazon.awssdk.services.cloudwatch.model.CloudWatchException.builder()
                .statusCode(500).awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("InternalFailure").build()).build())).isFalse();
    }

    @Test
    void logsQueriesRunAFewAtATimeWithinTheAccountsConcurrencyLimit(@TempDir Path dir) throws Exception {
        // GIVEN prod with 25 services (Logs Insights allows an account a few dozen concurrent queries)
        withEnvironmentExtendingProd(dir, "unused");
        com.fasterxml.jackson.databind.node.ObjectNode prod = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(dir.resolve("prod.json").toFile());
        com.fasterxml.jackson.databind.node.ArrayNode services = (com.fasterxml.jackson.databind.node.ArrayNode)
                prod.path("workload").path("services");
        for (int i = services.size(); i < 25; i++) {
            services.addObject().put("name", "extra-" + i).put("cluster", "django-ms-prod")
                    .put("serviceName", "django-ms-prod-extra-" + i).put("logGroup", "/ecs/django-ms-prod-extra-" + i);
        }
        Files.writeString(dir.resolve("prod.json"), JSON.writeValueAsString(prod));
        ProdAccount account = new ProdAccount().quiet();
        try (FakeAws aws = new FakeAws(account)) {
            // WHEN the logs section is read
            CliRun run = CliRun.status(aws, "--env", "prod", "--logs-only", "--output", "json", "--config-dir", dir.toString());

            // THEN every service's query ran, never more than CONCURRENT_QUERIES at once
            assertThat(JSON.readTree(run.stdout()).at("/logs/services").size()).as(run.stdout()).isEqualTo(25);
            assertThat(count(aws.received(), "logs:StartQuery")).isEqualTo(25);
            assertThat(account.mostQueriesRunning()).isEqualTo(LogsReader.CONCURRENT_QUERIES);
        }
    }

    /** The shipped environment files in {@code dir}, and one more, {@code env}, that extends prod. */
    private static void withEnvironmentExtendingProd(Path dir, String env) throws java.io.IOException {
        try (var files = Files.list(ProjectPaths.stacksConfig())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.writeString(dir.resolve(env + ".json"), "{ \"extends\": \"prod\" }");
    }

    @Test
    void anEnvironmentWithoutTheWafHasNoWafLine(@TempDir Path dir) throws Exception {
        withEnvironmentExtendingProd(dir, "nowaf");
        Files.writeString(dir.resolve("nowaf.json"), "{ \"extends\": \"prod\", \"security\": { \"waf\": { \"enabled\": false } } }");
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet())) {
            CliRun run = CliRun.status(aws, "--env", "nowaf", "--infra-only", "--output", "json", "--config-dir", dir.toString());

            JsonNode report = JSON.readTree(run.stdout());
            assertThat(report.at("/infra/waf").isNull()).as(run.stdout()).isTrue();
            assertThat(report.at("/infra/databases").size()).isPositive();
        }
    }

    @Test
    void anotherEnvironmentsAlarmsUnderALongerPrefixAreNotThisOnes(@TempDir Path dir) throws Exception {
        // GIVEN prod and prod-eu in one directory: "django-ms-prod-" also finds prod-eu's alarms
        withEnvironmentExtendingProd(dir, "prod-eu");
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet().withAlarmFiring("django-ms-prod-eu-api-gateway-cpu-critical"))) {
            // WHEN prod's status is read
            CliRun run = CliRun.status(aws, "--env", "prod", "--services-only", "--config-dir", dir.toString());

            // THEN prod-eu's critical alarm is neither shown nor prod's exit code; prod's own warning is
            assertThat(run.stdout()).contains("django-ms-prod-db-main-cpu-warning")
                    .doesNotContain("django-ms-prod-eu-api-gateway-cpu-critical");
            assertThat(run.exitCode()).isEqualTo(StatusCommand.OK);
        }
        // AND prod-eu's own status shows it
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet().withAlarmFiring("django-ms-prod-eu-api-gateway-cpu-critical"))) {
            CliRun run = CliRun.status(aws, "--env", "prod-eu", "--services-only", "--config-dir", dir.toString());
            assertThat(run.stdout()).contains("django-ms-prod-eu-api-gateway-cpu-critical");
        }
    }

    @Test
    void anAlarmOfThisEnvironmentsCatalogueStaysItsOwnWhenAnotherEnvironmentsPrefixAlsoFitsIt(@TempDir Path dir)
            throws Exception {
        // GIVEN prod and prod-api: prod's own api-gateway alarms start with "django-ms-prod-api-" too
        withEnvironmentExtendingProd(dir, "prod-api");
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet().withAlarmFiring("django-ms-prod-api-gateway-cpu-critical"))) {
            CliRun run = CliRun.status(aws, "--env", "prod", "--services-only", "--config-dir", dir.toString());

            // THEN it is prod's: an alarm prod's catalogue creates is never another environment's
            assertThat(run.stdout()).contains("django-ms-prod-api-gateway-cpu-critical");
            assertThat(run.exitCode()).isEqualTo(StatusCommand.CRITICAL_ALARM);
        }
    }

    @Test
    void anUnreadableAssemblyIsAProblemNotATraceOrACriticalExit(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{not json");
        try (FakeAws aws = new FakeAws(new ProdAccount().quiet())) {
            CliRun run = CliRun.status(aws, "--env", "prod", "--cost-only", "--assembly", dir.toString());

            assertThat(run.exitCode()).isEqualTo(StatusCommand.PARTIAL);
            assertThat(run.stderr()).doesNotContain("Exception");
            assertThat(run.stdout()).contains("cloud assembly at " + dir + " could not be read: Unexpected character")
                    .contains("not available: the cloud assembly at " + dir + " could not be read");
        }
    }

    @Test
    void aDefectOfTheCommandIsOneLineAndExit5NeverTheCriticalExit() throws Exception {
        Clock broken = new Clock() {
            @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public java.time.Instant instant() { throw new IllegalStateException("clock unavailable"); }
        };
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun run = CliRun.status(aws, CliRun.settings(), broken, "--env", "prod", "--services-only");

            assertThat(run.exitCode()).isEqualTo(StatusCommand.INTERNAL_ERROR);
            assertThat(run.stderr().strip()).isEqualTo("ops-baseline status: internal error, please report it:"
                    + " java.lang.IllegalStateException: clock unavailable");
        }
    }

    @Test
    void aStackOverflowInTheCommandIsExit5TooNotTheJvmsTraceAndExit1() throws Exception {
        Clock broken = new Clock() {
            @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public java.time.Instant instant() { throw new StackOverflowError(); }
        };
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun run = CliRun.status(aws, CliRun.settings(), broken, "--env", "prod", "--services-only");

            assertThat(run.exitCode()).isEqualTo(StatusCommand.INTERNAL_ERROR);
            assertThat(run.stderr().strip()).isEqualTo("ops-baseline status: internal error, please report it:"
                    + " java.lang.StackOverflowError");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--env prod --output yaml|--output is table or json, found \"yaml\"",
        "--env prod --infra-only --cost-only|choose one of --services-only, --infra-only, --logs-only, --cost-only",
        "--output json|missing --env <name>",
        "--env prod --max-refreshes 2|--max-refreshes needs --watch",
        "--env prod --watch --interval 1|--interval expects a whole number of at least 5, found \"1\"",
        "--env prod --verbose|unknown argument \"--verbose\"",
        "--env prod --env dev|--env is given twice",
        "--env prod --interval 10|--interval needs --watch",
        "--env nope|unknown environment \"nope\""})
    void aWrongCommandLineOrEnvironmentExits2WithoutCallingAws(String args, String message) throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun run = CliRun.status(aws, args.split(" "));

            assertThat(run.exitCode()).isEqualTo(StatusCommand.USAGE);
            assertThat(run.stderr()).contains(message);
            assertThat(aws.received()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::1", "ftp://localhost:4566", "localhost:4566", "http://"})
    void anEndpointThatIsNotAnHttpUrlWithAHostExits2WithoutATrace(String endpoint) {
        CliRun run = CliRun.status(null, "--env", "prod", "--endpoint-url", endpoint);
        assertThat(run.exitCode()).isEqualTo(StatusCommand.USAGE);
        assertThat(run.stderr()).contains("--endpoint-url expects an http:// or https:// URL with a host, found \""
                + endpoint + "\"").doesNotContain("Exception");
    }
}
