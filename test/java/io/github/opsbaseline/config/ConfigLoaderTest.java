package io.github.opsbaseline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader(ProjectPaths.stacksConfig());

    @Test
    void aFileThatCannotBeReadSaysWhyNotOnlyItsPath() throws IOException {
        // root reads a file whatever its mode, so the reasons are checked on the exceptions NIO throws
        assertThat(ConfigLoader.readFailure(new java.nio.file.AccessDeniedException("/c/base.json")))
                .isEqualTo("permission denied (/c/base.json)");
        assertThat(ConfigLoader.readFailure(new java.nio.file.NoSuchFileException("/c/base.json")))
                .isEqualTo("no such file (/c/base.json)");

        // AND a directory where the file should be is named as such, through the loader
        Path dir = Files.createTempDirectory("config-");
        Files.createDirectory(dir.resolve("dev.json"));
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(dir).load("dev"));
        assertThat(error).isNotNull();
        assertThat(error.lines()).hasSize(1);
        assertThat(error.lines().get(0)).isEqualTo(dir.resolve("dev.json") + ": $: cannot read: Is a directory");
    }

    @Test
    void theEnvironmentsAreTheFilesExceptTheSchemaAndTheSharedBase() {
        assertThat(loader.environments()).containsExactly("dev", "prod", "staging");
    }

    @Test
    void everyShippedEnvironmentLoadsWithoutProblems() {
        assertThat(loader.loadAll()).extracting(EnvironmentConfig::environment)
                .containsExactly("dev", "prod", "staging");
    }

    @Test
    void anEnvironmentInheritsTheBaseAndOverridesOnlyWhatItSets() {
        EnvironmentConfig dev = loader.load("dev");
        EnvironmentConfig prod = loader.load("prod");

        // inherited from base.json
        assertThat(dev.project()).isEqualTo("django-ms");
        assertThat(dev.tags()).containsEntry("owner", "platform-team");
        assertThat(dev.compliance()).containsExactly(ComplianceStandard.SOC2, ComplianceStandard.GDPR);
        // overridden by prod.json; arrays are replaced whole, not appended
        assertThat(prod.compliance()).hasSize(6).contains(ComplianceStandard.PCI_DSS, ComplianceStandard.HIPAA);
        assertThat(prod.dataClassification()).isEqualTo(DataClassification.RESTRICTED);
        assertThat(prod.cost().monthlyBudgetUsd()).isEqualTo(2500.0);
        assertThat(dev.cost().monthlyBudgetUsd()).isEqualTo(200.0);
        // objects merge key by key: prod's anomaly thresholds replace only the keys it names
        assertThat(prod.cost().anomaly().percent()).isEqualTo(10.0);
        assertThat(prod.cost().anomaly().enabled()).isTrue();
        // objects merge key by key: prod's critical block adds to base's routed contacts
        AlertingConfig.Channels critical = prod.alerting().channelsFor(Severity.CRITICAL);
        assertThat(critical.emails()).containsExactly("ops@example.com");
        assertThat(critical.sms()).containsExactly("+6591234567");
        assertThat(critical.pagerDuty()).hasSize(1);
    }

    @Test
    void defaultsApplyWhereTheFileIsSilent() {
        EnvironmentConfig staging = loader.load("staging");

        assertThat(staging.removalPolicy()).isEqualTo(RemovalChoice.RETAIN);
        assertThat(loader.load("dev").removalPolicy()).isEqualTo(RemovalChoice.DESTROY);
        assertThat(staging.drRegion()).isNull();
        assertThat(staging.monitoring().thresholds().cpuPercent()).isEqualTo(new MonitoringConfig.Level(80.0, 90.0));
        assertThat(staging.monitoring().thresholds().responseTimeSeconds()).isEqualTo(new MonitoringConfig.Level(1.0, 3.0));
        assertThat(staging.monitoring().thresholds().databaseCpuPercent().warning()).isEqualTo(75.0);
    }

    @Test
    void theSeedRoutingSendsEachSeverityItsChannels() {
        EnvironmentConfig dev = loader.load("dev");

        assertThat(dev.alerting().channelsFor(Severity.CRITICAL).emails()).containsExactly("ops@example.com");
        assertThat(dev.alerting().channelsFor(Severity.WARNING).emails()).containsExactly("ops@example.com");
        assertThat(dev.alerting().channelsFor(Severity.WARNING).slack()).hasSize(1);
        assertThat(dev.alerting().channelsFor(Severity.INFO).emails()).isEmpty();
        assertThat(dev.alerting().channelsFor(Severity.INFO).slack()).hasSize(1);
    }

    @Test
    void aProblemInTheBaseIsReportedAgainstTheBaseFile() throws IOException {
        // GIVEN a base with a bad value and an environment that does not touch it
        Path dir = Files.createTempDirectory("cfg-");
        Files.writeString(dir.resolve("base.json"), "{ \"project\": \"demo\", \"account\": \"42\" }");
        Files.writeString(dir.resolve("qa.json"), "{ \"extends\": \"base\", \"region\": \"eu-west-1\" }");

        // WHEN the environment is loaded
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(dir).load("qa"));

        // THEN the line names the base file, where the value is written
        assertThat(error.problems()).containsExactly(
                new ConfigProblem(dir.resolve("base.json").toString(), "$.account",
                        "not an AWS account id (12 digits): \"42\""));
    }

    @Test
    void anEnvironmentNameSetInTheBaseIsBlamedOnTheBase() throws IOException {
        Path dir = Files.createTempDirectory("cfg-");
        Files.writeString(dir.resolve("base.json"), "{ \"project\": \"demo\", \"environment\": \"dev\" }");
        Files.writeString(dir.resolve("qa.json"), "{ \"extends\": \"base\" }");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(dir).load("qa"));

        assertThat(error.problems()).containsExactly(new ConfigProblem(dir.resolve("base.json").toString(),
                "$.environment", "expected the file's own name \"qa\", found \"dev\""));
    }

    @Test
    void aValueWithControlCharactersOrAKeyWithDotsStaysOnOneReadableLine() throws IOException {
        Path dir = Files.createTempDirectory("cfg-");
        Files.writeString(dir.resolve("a.json"), "{ \"project\": \"demo\", \"tags\": { \"team.name\": \"x\\ny\" } }");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(dir).load("a"));

        assertThat(error.lines()).hasSize(1);
        assertThat(error.lines().get(0)).doesNotContain("\n").endsWith("$.tags['team.name']: not a tag value (at most 256"
                + " letters, digits, spaces and _ . : / = + - @, not starting with \"aws:\" in any case): \"x\\ny\"");
    }

    @Test
    void problemsOfEveryEnvironmentAreReportedTogether() throws IOException {
        Path dir = Files.createTempDirectory("cfg-");
        Files.writeString(dir.resolve("a.json"), "{ \"project\": \"demo\", \"region\": \"nowhere\" }");
        Files.writeString(dir.resolve("b.json"), "{ \"project\": \"Demo\" }");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(dir).loadAll());

        assertThat(error.problems()).extracting(ConfigProblem::path).containsExactly("$.region", "$.project");
    }

    @Test
    void aQuotedNumberIsNotANumberAndANumberIsNotAString() throws IOException {
        Path dir = Files.createTempDirectory("cfg-");
        Files.writeString(dir.resolve("a.json"), "{ \"project\": \"demo\", \"account\": 123456789012 }");

        ConfigException error = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(dir).load("a"));

        assertThat(error.lines()).containsExactly(dir.resolve("a.json") + ": $.account: expected a string, found 123456789012");
    }

    @Test
    void tagsReachTemplatesInSortedOrderWhateverTheFileOrder() throws IOException {
        Path dir = Files.createTempDirectory("cfg-");
        Files.writeString(dir.resolve("a.json"), "{ \"project\": \"demo\", \"tags\": { \"zeta\": \"1\", \"alpha\": \"2\" } }");

        assertThat(new ConfigLoader(dir).load("a").tags().keySet()).containsExactly("alpha", "zeta");
    }

    @Test
    void theMessageLineIsFilePathAndWhatWasWrong() {
        assertThat(new ConfigProblem("stacks-config/prod.json", "$.alerting.critical.emails[1]",
                "not an email address: \"ops@\"").toString())
                .isEqualTo("stacks-config/prod.json: $.alerting.critical.emails[1]: not an email address: \"ops@\"");
        assertThat(List.of(ConfigProblems.quote("a\"b"), ConfigProblems.quote(3))).containsExactly("\"a\\\"b\"", "3");
    }

    @Test
    void aByteOrderMarkIsIgnoredAsJsonAllows() throws IOException {
        // GIVEN dev saved by an editor that writes a UTF-8 byte order mark
        Path dir = Files.createTempDirectory("cfg-");
        for (String f : List.of("base.json", "dev.json")) {
            Files.copy(ProjectPaths.stacksConfig().resolve(f), dir.resolve(f));
        }
        Files.writeString(dir.resolve("dev.json"), "\uFEFF" + Files.readString(dir.resolve("dev.json")));
        // THEN it loads as the same environment
        assertThat(new ConfigLoader(dir).load("dev")).isEqualTo(loader.load("dev"));
    }

    @Test
    void levelsThatAreRightForTheResourcesTheyReachLoad() throws IOException {
        // GIVEN levels that only look wrong against another resource's defaults, or are not used
        Path dir = Files.createTempDirectory("cfg-");
        Files.copy(ProjectPaths.stacksConfig().resolve("base.json"), dir.resolve("base.json"));
        Files.writeString(dir.resolve("qa.json"), """
                { "extends": "base",
                  "cost": { "budgetAlerts": [] },
                  "monitoring": { "alarms": {
                      "database.free-storage": { "warning": 200, "critical": 100 },
                      "database.replica-lag": { "warning": 60 } } },
                  "workload": { "databases": [
                      { "name": "big", "engine": "postgres", "instanceId": "qa-big" },
                      { "name": "reader", "engine": "aurora-postgresql", "clusterId": "qa-aurora", "readReplica": true,
                        "alarms": { "replica-lag": { "enabled": false } } } ] } }
                """);
        // THEN it loads: GiB free storage has no 100 cap, and the Aurora reader's replica lag is off
        EnvironmentConfig qa = new ConfigLoader(dir).load("qa");
        assertThat(qa.workload().databases()).hasSize(2);
        assertThat(qa.cost().budgetAlerts()).isEmpty();
    }

    @Test
    void aBackupSelectionMayMatchTagsOnlySomeServicesAllow() throws IOException {
        // GIVEN a selection of a tag EC2 allows (any character) that the baseline could not put on a resource
        Path dir = Files.createTempDirectory("cfg-");
        Files.copy(ProjectPaths.stacksConfig().resolve("base.json"), dir.resolve("base.json"));
        Files.writeString(dir.resolve("qa.json"), """
                { "extends": "base", "backup": { "selection": { "tags": { "team#1": "ops & platform" } } } }
                """);
        // THEN it loads: a selection matches the tags resources carry, only lengths and aws: are checked
        assertThat(new ConfigLoader(dir).load("qa").backup().selection().tags()).containsEntry("team#1", "ops & platform");
    }

    @Test
    void aConfigDirectoryThatIsNotThereIsSaidSo() throws IOException {
        Path missing = Files.createTempDirectory("cfg-").resolve("nope");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(missing).load("dev"));
        assertThat(e.lines()).containsExactly(missing + ": $: expected a directory of environment files, found nothing at this path");
    }
}
