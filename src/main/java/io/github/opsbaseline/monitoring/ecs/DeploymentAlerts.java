package io.github.opsbaseline.monitoring.ecs;

import io.github.opsbaseline.alerting.ChatNotification;
import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.core.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Match;
import software.amazon.awscdk.services.events.Rule;
import software.constructs.Construct;

/**
 * Tells the team when an ECS service deployment completes or fails (seed 000: "info alerts
 * (deployment): Slack only"): EventBridge rules on ECS's {@code ECS Deployment State Change} events for
 * the services of the given clusters. A completed deployment goes to the info topic; a failed one
 * (the deployment circuit breaker gave up, usually rolling back) to the warning topic. Each message is
 * a {@link ChatNotification}, so Slack shows it.
 *
 * <p>One pair of rules for the environment, matching the services by their clusters' ARN prefix rather
 * than one rule per service: EventBridge allows 300 rules per bus by default, and a list of every
 * service ARN would outgrow an event pattern. A service of those clusters the baseline does not watch
 * is reported too.
 */
public class DeploymentAlerts extends Construct {

    /** ECS's {@code eventName} of a deployment that finished. */
    public static final String COMPLETED = "SERVICE_DEPLOYMENT_COMPLETED";
    /** ECS's {@code eventName} of a deployment that failed. */
    public static final String FAILED = "SERVICE_DEPLOYMENT_FAILED";

    /**
     * Props of {@link DeploymentAlerts}.
     *
     * @param names naming scheme (rule names {@code <project>-<env>-ecs-deployment-completed|failed}); required
     * @param alertTopics where the messages go (info, warning); required
     * @param clusterNames the ECS clusters whose services are reported, each once; at least one
     */
    public record Props(ResourceNames names, IAlertTopics alertTopics, List<String> clusterNames) {
        public Props {
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alertTopics, "alertTopics");
            clusterNames = clusterNames == null ? List.of() : List.copyOf(clusterNames.stream().distinct().toList());
            if (clusterNames.isEmpty()) {
                throw new IllegalArgumentException("clusterNames: at least one ECS cluster");
            }
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    public DeploymentAlerts(Construct scope, String id, Props props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        List<List<String>> prefixes = new ArrayList<>();
        for (String cluster : props.clusterNames()) {
            prefixes.add(Match.prefix("arn:" + stack.getPartition() + ":ecs:" + stack.getRegion() + ":"
                    + stack.getAccount() + ":service/" + cluster + "/"));
        }
        List<String> services = prefixes.size() == 1 ? prefixes.get(0) : Match.anyOf(prefixes.toArray());
        // ids, ARNs and times inside the strings; ECS's free-text reason as a value of its own, which
        // EventBridge escapes (it does not escape what it puts inside a quoted string)
        String which = EventField.fromPath("$.resources[0]") + ", deployment " + EventField.fromPath("$.detail.deploymentId");
        rules.add(rule(props, services, "Completed", "completed", COMPLETED, Severity.INFO,
                new ChatNotification("ECS deployment completed: " + which,
                        "Completed at " + EventField.fromPath("$.detail.updatedAt") + ".", List.of())));
        rules.add(rule(props, services, "Failed", "failed", FAILED, Severity.WARNING,
                new ChatNotification("ECS deployment failed: " + which, EventField.fromPath("$.detail.reason"),
                        List.of("Read the service's events and stopped tasks in the ECS console",
                                "Check that the service runs its previous task definition (circuit-breaker rollback)"))));
    }

    private Rule rule(Props props, List<String> services, String id, String outcome, String eventName, Severity severity,
                      ChatNotification message) {
        Rule rule = Rule.Builder.create(this, id)
                .ruleName(props.names().name("ecs-deployment", outcome))
                .description("ECS service deployments " + outcome + " in " + String.join(", ", props.clusterNames())
                        + ", to the " + severity.id() + " topic")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.ecs"))
                        .detailType(List.of("ECS Deployment State Change"))
                        .resources(services)
                        .detail(Map.of("eventName", List.of(eventName)))
                        .build())
                .build();
        rule.addTarget(props.alertTopics().eventTarget(severity, message.toRuleTargetInput()));
        return rule;
    }

    public List<Rule> rules() {
        return rules;
    }
}
