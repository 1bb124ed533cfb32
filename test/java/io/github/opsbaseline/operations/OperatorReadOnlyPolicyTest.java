package io.github.opsbaseline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.compliance.CompliancePacks;
import io.github.opsbaseline.config.ComplianceStandard;
import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.testing.NagFindings;
import io.github.opsbaseline.testing.ProjectPaths;
import io.github.opsbaseline.testing.TestApps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The status reader's managed policy for prod: exactly the CLI's actions, scoped, and clean under every gate. */
class OperatorReadOnlyPolicyTest {

    private static Stack stack;
    private static Stack agnostic;
    private static Template template;
    private static JsonNode policy;

    @BeforeAll
    static void synthesizeProd() {
        // GIVEN prod's environment file and a stack in its account and region
        EnvironmentConfig prod = new ConfigLoader(ProjectPaths.stacksConfig()).load("prod");
        App app = TestApps.app();
        stack = new Stack(app, "Operations", StackProps.builder()
                .env(Environment.builder().account(prod.account()).region(prod.region()).build()).build());
        // WHEN the policy is added and every compliance pack runs over it
        new OperatorReadOnlyPolicy(stack, "StatusReader", OperatorReadOnlyPolicyProps.fromConfig(prod));
        CompliancePacks.apply(stack, List.of(ComplianceStandard.values()));
        // and in an environment-agnostic stack, where account, region and partition are tokens
        agnostic = new Stack(app, "AgnosticOperations");
        new OperatorReadOnlyPolicy(agnostic, "StatusReader", OperatorReadOnlyPolicyProps.fromConfig(prod));
        CompliancePacks.apply(agnostic, List.of(ComplianceStandard.values()));
        template = Template.fromStack(stack);
        policy = new ObjectMapper().valueToTree(template.findResources("AWS::IAM::ManagedPolicy")).elements().next();
    }

    @Test
    void itIsAManagedPolicyNamedForTheEnvironment() {
        template.resourceCountIs("AWS::IAM::ManagedPolicy", 1);
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("ManagedPolicyName", "django-ms-prod-status-reader"));
    }

    @Test
    void itGrantsExactlyTheActionsTheCliCallsAndNothingElse() {
        Set<String> granted = new LinkedHashSet<>();
        for (JsonNode statement : policy.at("/Properties/PolicyDocument/Statement")) {
            assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
            JsonNode actions = statement.get("Action");
            (actions.isArray() ? actions : List.of(actions)).forEach(a -> granted.add(a.asText()));
        }
        List<String> expected = new ArrayList<>(StatusReaderPermissions.actions());
        expected.remove(StatusReaderPermissions.RDS_DESCRIBE_DB_CLUSTERS); // prod has no Aurora cluster
        assertThat(granted).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(granted).noneMatch(a -> a.contains("*")).allMatch(a -> a.matches("[a-z0-9]+:(Describe|Get|List|Start|Stop)[A-Za-z]+"));
    }

    @Test
    void actionsWithResourceLevelPermissionsAreScopedToTheEnvironmentsResources() {
        String document = policy.at("/Properties/PolicyDocument").toString();
        assertThat(document).contains(
                ":ecs:ap-southeast-1:777788889999:service/django-ms-prod/django-ms-prod-order-service",
                ":rds:ap-southeast-1:777788889999:db:django-ms-prod-db-replica",
                ":elasticache:ap-southeast-1:777788889999:replicationgroup:django-ms-prod-redis",
                ":logs:ap-southeast-1:777788889999:log-group:/ecs/django-ms-prod-api-gateway:*",
                ":backup:ap-southeast-1:777788889999:backup-vault:django-ms-prod-vault\"",
                ":backup:ap-southeast-2:777788889999:backup-vault:django-ms-prod-vault-dr");
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Map.of("Sid", "ReadAny", "Effect", "Allow", "Resource", "*",
                        "Action", StatusReaderPermissions.actions(StatusReaderPermissions.Scope.ANY)))))));
    }

    @Test
    void cdkNagFindsNothingUnsuppressedInAnyPack() {
        assertThat(NagFindings.of(stack, agnostic)).isEmpty();
    }

    @Test
    void everyControlTowerGuardRulePasses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("operations.template.json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(template.toJSON()));
        io.github.opsbaseline.testing.CfnGuard.Result guard = io.github.opsbaseline.testing.CfnGuard.validateWithoutExemptions(file);
        assertThat(guard.exitCode()).as(guard.output()).isZero();
    }

    @Test
    void pastTenResourcesOfAKindTheyAreNamedByTheirCommonPrefix() {
        assertThat(OperatorReadOnlyPolicy.listed(List.of("a-1", "a-2"))).containsExactly("a-1", "a-2");
        List<String> many = java.util.stream.IntStream.range(0, 11).mapToObj(i -> "/ecs/shop-svc-" + i).toList();
        assertThat(OperatorReadOnlyPolicy.listed(many)).containsExactly("/ecs/shop-svc-*");
        assertThat(OperatorReadOnlyPolicy.listed(List.of("x", "y", "z", "1", "2", "3", "4", "5", "6", "7", "8")))
                .containsExactly("*");
    }

    @Test
    void aThousandServicesStillFitAManagedPolicysSixThousandCharactersWithNothingUnsuppressed() {
        // GIVEN an environment of 1,000 services, 100 databases and 100 caches
        Stack big = new Stack(TestApps.app(), "Big", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build()).build());
        java.util.stream.IntStream range = java.util.stream.IntStream.range(0, 1000);
        new OperatorReadOnlyPolicy(big, "StatusReader", OperatorReadOnlyPolicyProps.builder(new io.github.opsbaseline.core.ResourceNames("shop", "big"))
                .ecsServices(range.mapToObj(i -> new OperatorReadOnlyPolicyProps.EcsServiceRef("main", "svc-" + i)).toList())
                .dbInstanceIds(java.util.stream.IntStream.range(0, 100).mapToObj(i -> "db-" + i).toList())
                .replicationGroupIds(java.util.stream.IntStream.range(0, 100).mapToObj(i -> "cache-" + i).toList())
                .logGroupNames(java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "/ecs/shop-big-svc-" + i).toList())
                .build());
        CompliancePacks.apply(big, List.of(ComplianceStandard.values()));

        // THEN the policy document, minified, stays within IAM's limit, and no pack complains
        JsonNode document = new ObjectMapper().valueToTree(Template.fromStack(big).findResources("AWS::IAM::ManagedPolicy"))
                .elements().next().at("/Properties/PolicyDocument");
        assertThat(document.toString().length()).isLessThan(6144);
        assertThat(document.toString()).contains("log-group:/ecs/shop-big-svc-*", "service/main/svc-*");
        assertThat(NagFindings.of(big)).isEmpty();
    }
}
