package io.github.opsbaseline.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TemplateLimitsTest {

    @Test
    void templatesWithinTheLimitsPass() throws IOException {
        Path dir = Files.createTempDirectory("limits-");
        Files.writeString(dir.resolve("a.template.json"), "{\"Resources\":{\"A\":{\"Type\":\"AWS::SNS::Topic\"}}}");
        Files.writeString(dir.resolve("manifest.json"), "x".repeat(2_000_000));

        assertThat(TemplateLimits.violations(dir)).isEmpty();
    }

    @Test
    void aTemplateOverOneMegabyteOrFiveHundredResourcesIsNamed() throws IOException {
        Path dir = Files.createTempDirectory("limits-");
        StringBuilder many = new StringBuilder("{\"Resources\":{");
        for (int i = 0; i < 501; i++) {
            many.append(i == 0 ? "" : ",").append("\"R").append(i).append("\":{\"Type\":\"AWS::SNS::Topic\"}");
        }
        Files.writeString(dir.resolve("many.nested.template.json"), many.append("}}").toString());
        Files.writeString(dir.resolve("big.template.json"), "{\"Description\":\"" + "x".repeat(1_000_001) + "\"}");

        assertThat(TemplateLimits.violations(dir)).containsExactly(
                "big.template.json: 1000019 bytes, CloudFormation allows 1000000",
                "many.nested.template.json: 501 resources, CloudFormation allows 500");
    }
}
