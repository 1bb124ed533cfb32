package io.github.opsbaseline.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code stacks-config/schema.json} is exactly what the config records generate. */
class SchemaTest {

    private static final Path SCHEMA = ProjectPaths.stacksConfig().resolve("schema.json");

    @Test
    void theShippedSchemaMatchesTheConfigRecords() throws IOException {
        String generated = SchemaGenerator.generate(
                ProjectPaths.root().resolve("src/main/java/io/github/opsbaseline/config"));
        if (ProjectPaths.updateSnapshots()) {
            Files.writeString(SCHEMA, generated);
        }

        assertThat(SCHEMA).exists();
        assertThat(Files.readString(SCHEMA))
                .as("stacks-config/schema.json is stale: run mvn test -Dsnapshot.update=true")
                .isEqualTo(generated);
    }

    @Test
    void theSchemaRefusesUnknownKeysAndDocumentsDefaults() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());

        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.at("/properties/removalPolicy/enum").toString()).isEqualTo("[\"retain\",\"destroy\"]");
        assertThat(schema.at("/properties/dataClassification/description").asText()).contains("default confidential");
        assertThat(schema.at("/$defs/Channels/properties/sms/description").asText()).contains("E.164");
        assertThat(schema.at("/$defs/WorkloadConfig/additionalProperties").asBoolean(true)).isFalse();
    }
}
