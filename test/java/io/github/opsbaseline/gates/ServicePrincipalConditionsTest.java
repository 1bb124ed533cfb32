package io.github.opsbaseline.gates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.testing.SynthesizedEnvironment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The confused-deputy rule, over every resource policy of every environment (key, bucket, topic and
 * log-group policies, nested stacks included): a statement that lets an AWS service act on one of
 * the baseline's resources says for whom (a condition such as {@code aws:SourceAccount},
 * {@code aws:SourceArn} or the SNS topic in the encryption context), or a conditioned Deny in the same
 * policy says it for those actions. Without it, the service would act for any account that names
 * the resource. Role trust policies are not resource policies of this kind and are left out.
 */
class ServicePrincipalConditionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> POLICY_PROPERTY = Map.of(
            "AWS::KMS::Key", "KeyPolicy",
            "AWS::S3::BucketPolicy", "PolicyDocument",
            "AWS::SNS::TopicPolicy", "PolicyDocument",
            "AWS::Logs::ResourcePolicy", "PolicyDocument");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.opsbaseline.testing.SynthesizedEnvironment#environments")
    void everyServiceAllowedOnAResourceIsHeldToThisAccountOrResource(String environment) throws IOException {
        // GIVEN the environment's templates
        SynthesizedEnvironment synthesized = SynthesizedEnvironment.of(environment);

        // WHEN every resource policy's Allow statements naming a service principal are read
        int read = 0;
        List<String> unconditioned = new ArrayList<>();
        for (Map.Entry<String, String> template : synthesized.templates().entrySet()) {
            for (Map.Entry<String, JsonNode> resource : JSON.readTree(template.getValue()).path("Resources").properties()) {
                String property = POLICY_PROPERTY.get(resource.getValue().path("Type").asText());
                if (property == null) {
                    continue;
                }
                JsonNode statements = resource.getValue().path("Properties").path(property).path("Statement");
                for (JsonNode statement : statements) {
                    if (!statement.path("Effect").asText().equals("Allow") || services(statement).isEmpty()) {
                        continue;
                    }
                    read++;
                    if (statement.path("Condition").isEmpty() && !deniedOtherwise(statement, statements)) {
                        unconditioned.add(template.getKey() + "/" + resource.getKey() + ": " + statement);
                    }
                }
            }
        }

        // THEN there are such statements, and each is conditioned
        assertThat(read).as("service statements in %s", environment).isPositive();
        assertThat(unconditioned).as("statements letting a service act for any account, in %s", environment).isEmpty();
    }

    /** Whether a conditioned Deny of the same policy names each of the statement's services and actions. */
    private static boolean deniedOtherwise(JsonNode allow, JsonNode statements) {
        for (JsonNode deny : statements) {
            if (deny.path("Effect").asText().equals("Deny") && !deny.path("Condition").isEmpty()
                    && services(deny).containsAll(services(allow)) && texts(deny.path("Action")).containsAll(texts(allow.path("Action")))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> services(JsonNode statement) {
        return texts(statement.path("Principal").path("Service"));
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> texts.add(n.asText()));
        } else if (node.isTextual()) {
            texts.add(node.asText());
        }
        return texts;
    }
}
