package io.github.opsbaseline.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;

/** The cost topics' ARNs, which the monitoring stack's Slack configurations name before they exist. */
class CostTopicArnsTest {

    @Test
    void theyNameTheEnvironmentsAccountInUsEast1() {
        EnvironmentConfig prod = new ConfigLoader(Path.of("stacks-config")).load("prod");

        Map<Severity, String> arns = CostStackProps.topicArns(prod);

        assertThat(new Stack(new App(), "Any").resolve(arns.get(Severity.WARNING))).isEqualTo(Map.of("Fn::Join",
                List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                        ":sns:us-east-1:777788889999:django-ms-prod-cost-alerts-warning"))));
        assertThat(arns).containsOnlyKeys(Severity.values());
    }

    @Test
    void anEnvironmentWithoutAnAccountNamesTheDeployingOne(@TempDir Path dir) throws Exception {
        // GIVEN dev's file without its account (the README allows environment-agnostic stacks)
        for (String file : List.of("base.json", "dev.json")) {
            Files.copy(Path.of("stacks-config", file), dir.resolve(file));
        }
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode dev = (ObjectNode) mapper.readTree(dir.resolve("dev.json").toFile());
        dev.remove("account");
        mapper.writeValue(dir.resolve("dev.json").toFile(), dev);
        EnvironmentConfig config = new ConfigLoader(dir).load("dev");
        assertThat(config.account()).isNull();

        // THEN the ARN takes the account the stack is deployed to, not "null"
        Object arn = new Stack(new App(), "Any").resolve(CostStackProps.topicArns(config).get(Severity.CRITICAL));
        assertThat(arn).isEqualTo(Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":sns:us-east-1:", Map.of("Ref", "AWS::AccountId"), ":django-ms-dev-cost-alerts-critical"))));
    }
}
