package io.github.opsbaseline.monitoring.ecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.monitoring.MonitoringFixtures;
import io.github.opsbaseline.testing.EventBridgeInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.sns.Topic;

class DeploymentAlertsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @SuppressWarnings("unchecked")
    void completedDeploymentsGoToInfoAndFailedOnesToWarningForTheClustersServices() throws Exception {
        // GIVEN services in two clusters, one of them named twice
        Stack stack = MonitoringFixtures.stack();
        IAlertTopics topics = IAlertTopics.fromTopics(new Topic(stack, "Critical"), new Topic(stack, "Warning"),
                new Topic(stack, "Info"));

        // WHEN their deployments are reported
        new DeploymentAlerts(stack, "Deployments", new DeploymentAlerts.Props(MonitoringFixtures.NAMES, topics,
                List.of("shop-main", "shop-batch", "shop-main")));

        // THEN one rule per outcome matches ECS's deployment events of those clusters' services, once each
        Template t = Template.fromStack(stack);
        t.resourceCountIs("AWS::Events::Rule", 2);
        List<Object> services = List.of(servicesOf("shop-main"), servicesOf("shop-batch"));
        for (String[] outcome : new String[][] {{"completed", "SERVICE_DEPLOYMENT_COMPLETED", "Info"},
                {"failed", "SERVICE_DEPLOYMENT_FAILED", "Warning"}}) {
            Map<String, Map<String, Object>> rules = t.findResources("AWS::Events::Rule", Map.of("Properties", Match.objectLike(
                    Map.of("Name", "shop-test-ecs-deployment-" + outcome[0]))));
            assertThat(rules).hasSize(1);
            Map<String, Object> properties = (Map<String, Object>) rules.values().iterator().next().get("Properties");
            JsonNode pattern = JSON.valueToTree(properties.get("EventPattern"));
            assertThat(pattern.path("source").get(0).asText()).isEqualTo("aws.ecs");
            assertThat(pattern.path("detail-type").get(0).asText()).isEqualTo("ECS Deployment State Change");
            assertThat(pattern.path("detail").path("eventName").get(0).asText()).isEqualTo(outcome[1]);
            assertThat(JSON.treeToValue(pattern.path("resources"), List.class)).isEqualTo(services);

            // and each goes to its topic as a custom notification Slack can show, the event's fields filled in
            JsonNode target = JSON.valueToTree(properties.get("Targets")).get(0);
            assertThat(target.path("Arn").path("Ref").asText()).startsWith(outcome[2]);
            String reason = "ECS deployment circuit breaker: \"tasks failed to start\"\nrolled back";
            JsonNode message = EventBridgeInput.render(target.path("InputTransformer"), Map.of(
                    "$.resources[0]", "arn:aws:ecs:eu-west-1:123456789012:service/shop-main/api",
                    "$.detail.deploymentId", "ecs-svc/123", "$.detail.updatedAt", "2026-11-25T03:00:00Z",
                    "$.detail.reason", reason));
            assertThat(message.path("version").asText()).isEqualTo("1.0");
            assertThat(message.path("source").asText()).isEqualTo("custom");
            assertThat(message.path("content").path("title").asText()).isEqualTo("ECS deployment " + outcome[0]
                    + ": arn:aws:ecs:eu-west-1:123456789012:service/shop-main/api, deployment ecs-svc/123");
            // the free-text reason, quotes and line break included, as ECS wrote it
            assertThat(message.path("content").path("description").asText())
                    .isEqualTo(outcome[0].equals("failed") ? reason : "Completed at 2026-11-25T03:00:00Z.");
        }
    }

    /** The ARN prefix of a cluster's services, in the stack's partition. */
    private static Map<String, Object> servicesOf(String cluster) {
        return Map.of("prefix", Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":ecs:eu-west-1:123456789012:service/" + cluster + "/"))));
    }

    @Test
    void noClusterIsRefused() {
        Stack stack = MonitoringFixtures.stack();
        IAlertTopics topics = IAlertTopics.fromTopics(new Topic(stack, "C"), new Topic(stack, "W"), new Topic(stack, "I"));
        assertThatThrownBy(() -> new DeploymentAlerts.Props(MonitoringFixtures.NAMES, topics, List.of()))
                .hasMessage("clusterNames: at least one ECS cluster");
    }
}
