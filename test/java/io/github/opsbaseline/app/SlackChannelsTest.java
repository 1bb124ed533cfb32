package io.github.opsbaseline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.testing.SynthesizedEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AWS Chatbot allows one configuration per Slack channel per account: an environment's stacks
 * (monitoring in its region, cost in us-east-1) must not both configure a channel, so the monitoring
 * stack's configurations carry the cost topics too, and it deploys after them.
 */
class SlackChannelsTest {

    @ParameterizedTest
    @MethodSource("io.github.opsbaseline.testing.SynthesizedEnvironment#environments")
    void eachSlackChannelIsConfiguredOnceAndHearsTheCostAlertsToo(String environment) throws Exception {
        SynthesizedEnvironment env = SynthesizedEnvironment.of(environment);
        List<String> channels = new ArrayList<>();
        List<String> costTopicsCarried = new ArrayList<>();
        for (Map.Entry<String, String> template : env.templates().entrySet()) {
            for (JsonNode resource : new ObjectMapper().readTree(template.getValue()).path("Resources")) {
                if (resource.path("Type").asText().equals("AWS::Chatbot::SlackChannelConfiguration")) {
                    assertThat(template.getKey()).isEqualTo(env.stacks().monitoring().getStackName());
                    channels.add(resource.path("Properties").path("SlackChannelId").asText());
                    for (JsonNode arn : resource.path("Properties").path("SnsTopicArns")) {
                        if (arn.toString().contains(":sns:us-east-1:" + env.config().account() + ":"
                                + env.config().names().name("cost-alerts"))) {
                            costTopicsCarried.add(arn.toString());
                        }
                    }
                }
            }
        }
        assertThat(channels).as("Slack channels of %s", environment).isNotEmpty().doesNotHaveDuplicates();
        assertThat(costTopicsCarried).as("cost topics the Slack configurations of %s carry", environment).isNotEmpty();
        assertThat(env.stacks().monitoring().getDependencies()).contains(env.stacks().cost());
    }
}
