package io.github.opsbaseline.backup;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.opsbaseline.config.BackupConfig.RestoreResourceType;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class RestoreTestingTest {

    @Test
    void prodTestsTheLatestRecoveryPointMonthly() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Backup::RestoreTestingPlan", Map.of(
                "RestoreTestingPlanName", "django_ms_prod_restore_test",
                "ScheduleExpression", "cron(0 5 ? * 1#1 *)",
                "ScheduleExpressionTimezone", "UTC",
                "StartWindowHours", 24,
                "RecoveryPointSelection", Match.objectLike(Map.of(
                        "Algorithm", "LATEST_WITHIN_WINDOW", "SelectionWindowDays", 7,
                        "IncludeVaults", List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Vault.*"),
                                "BackupVaultArn")))))));
    }

    @Test
    void rdsIsTestedByTheWorkloadDatabaseArnsWithAValidationWindow() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Backup::RestoreTestingSelection", Map.of(
                "ProtectedResourceType", "RDS",
                "ProtectedResourceArns", List.of(Map.of("Fn::Join", List.of("", List.of("arn:",
                        Map.of("Ref", "AWS::Partition"), ":rds:ap-southeast-1:777788889999:db:django-ms-prod-db")))),
                "ValidationWindowHours", 8));
    }

    @Test
    void restoredDatabasesGoIntoTheConfiguredNetworkNotTheDefaultVpc() {
        // prod names a DB subnet group and security group: AWS Backup would otherwise infer the default
        // VPC, and an account without one fails every database restore test
        TemplateSupport.backup("prod").hasResourceProperties("AWS::Backup::RestoreTestingSelection", Map.of(
                "ProtectedResourceType", "RDS",
                "RestoreMetadataOverrides", Map.of("dbSubnetGroupName", "django-ms-prod-db",
                        "vpcSecurityGroupIds", "[\"sg-0a1b2c3d4e5f60718\"]")));
        // the S3 selection restores no database and takes no network
        TemplateSupport.backup("prod").hasResourceProperties("AWS::Backup::RestoreTestingSelection", Map.of(
                "ProtectedResourceType", "S3", "RestoreMetadataOverrides", Match.absent()));
        // staging names none: AWS Backup infers the network, and no override is written
        TemplateSupport.backup("staging").hasResourceProperties("AWS::Backup::RestoreTestingSelection", Map.of(
                "ProtectedResourceType", "RDS", "RestoreMetadataOverrides", Match.absent()));
    }

    @Test
    void securityGroupsAreOptionalAndSeveralMakeOneJsonList() {
        var one = new io.github.opsbaseline.config.BackupConfig.RestoreNetwork("db-subnets", null);
        org.assertj.core.api.Assertions.assertThat(RestoreTesting.networkOverrides(one))
                .containsExactly(Map.entry("dbSubnetGroupName", "db-subnets"));
        var two = new io.github.opsbaseline.config.BackupConfig.RestoreNetwork("db-subnets",
                List.of("sg-0123456789abcdef0", "sg-01234567"));
        org.assertj.core.api.Assertions.assertThat(RestoreTesting.networkOverrides(two)).containsExactly(
                Map.entry("dbSubnetGroupName", "db-subnets"),
                Map.entry("vpcSecurityGroupIds", "[\"sg-0123456789abcdef0\",\"sg-01234567\"]"));
    }

    @Test
    void configuredTypesWithoutArnsAreTestedByTheSelectionTags() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Backup::RestoreTestingSelection", Map.of(
                "ProtectedResourceType", "S3",
                "ProtectedResourceArns", List.of("*"),
                "ProtectedResourceConditions", Map.of("StringEquals", List.of(
                        Map.of("Key", "aws:ResourceTag/backup", "Value", "true"),
                        Map.of("Key", "aws:ResourceTag/data-classification", "Value", "restricted")))));
    }

    @Test
    void moreArnsOfATypeThanASelectionTakesAreRefusedNotCut() {
        Stack stack = new Stack(new App(), "Restore");
        Role role = Role.Builder.create(stack, "Role").assumedBy(new ServicePrincipal("backup.amazonaws.com")).build();
        List<String> arns = IntStream.rangeClosed(1, 31).mapToObj(i -> "arn:aws:rds:eu-west-1:111122223333:db:db" + i).toList();
        RestoreTesting.Props props = new RestoreTesting.Props("plan", null, "arn:aws:backup:eu-west-1:111122223333:backup-vault:v",
                role, Map.of(RestoreResourceType.RDS, arns), null);
        assertThatThrownBy(() -> new RestoreTesting(stack, "Thirty-one", props)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("restore testing selects at most 30 ARNs per resource type (an AWS Backup limit), got 31 for RDS");
        new RestoreTesting(stack, "Thirty", new RestoreTesting.Props("plan", null, props.vaultArn(), role,
                Map.of(RestoreResourceType.RDS, arns.subList(0, 30)), null));
        Template.fromStack(stack).hasResourceProperties("AWS::Backup::RestoreTestingSelection", Map.of(
                "ProtectedResourceType", "RDS", "ProtectedResourceArns", arns.subList(0, 30)));
    }

    @Test
    void aWorkloadWithMoreDatabasesThanASelectionTakesTestsTheFirst30AndSaysSo() throws java.io.IOException {
        // GIVEN prod with 31 RDS instances: its own main database (its composite rule names it), its read
        // replica (not backed up, so not counted) and 30 more
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("cfg-");
        for (String f : List.of("base.json", "prod.json")) {
            java.nio.file.Files.copy(java.nio.file.Path.of("stacks-config", f), dir.resolve(f));
        }
        String prodDbs = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("prod.json").toFile())
                .at("/workload/databases").toString();
        String dbs = prodDbs.substring(1, prodDbs.length() - 1) + "," + String.join(",", IntStream.rangeClosed(1, 30).mapToObj(i ->
                "{\"name\": \"db" + i + "\", \"engine\": \"postgres\", \"instanceId\": \"shop-db" + i + "\"}").toList());
        java.nio.file.Files.writeString(dir.resolve("many.json"), "{ \"extends\": \"prod\", \"workload\": { \"databases\": [" + dbs + "] } }");
        io.github.opsbaseline.config.EnvironmentConfig config = new io.github.opsbaseline.config.ConfigLoader(dir).load("many");
        App app = new App();
        software.amazon.awscdk.Environment where = software.amazon.awscdk.Environment.builder()
                .account(config.account()).region(config.region()).build();
        Stack alerts = new Stack(app, "alerts", software.amazon.awscdk.StackProps.builder().env(where).build());
        BackupStack backup = new BackupStack(app, "backup", BackupStackProps.fromConfig(config,
                software.amazon.awscdk.StackProps.builder().env(where).build(), BackupFixtures.topics(alerts)));

        // THEN the RDS selection holds the first 30, the synth warns about the 31st, and the plan still backs up all
        Template t = Template.fromStack(backup);
        List<Map<?, ?>> rds = t.findResources("AWS::Backup::RestoreTestingSelection").values().stream()
                .<Map<?, ?>>map(r -> (Map<?, ?>) r.get("Properties"))
                .filter(p -> "RDS".equals(p.get("ProtectedResourceType"))).toList();
        org.assertj.core.api.Assertions.assertThat(rds).singleElement()
                .satisfies(p -> org.assertj.core.api.Assertions.assertThat((List<?>) p.get("ProtectedResourceArns")).hasSize(30));
        software.amazon.awscdk.assertions.Annotations.fromStack(backup).hasWarning("*", Match.stringLikeRegexp(
                "restore tests cover the first 30 of 31 RDS databases, in the order of workload.databases.*"));
        org.assertj.core.api.Assertions.assertThat(backup.plan().selections().stream().map(s -> s.getNode().getId()))
                .contains("ListedResources");
    }

    @Test
    void devHasNoRestoreTests() {
        TemplateSupport.backup("dev").resourceCountIs("AWS::Backup::RestoreTestingPlan", 0);
    }
}
