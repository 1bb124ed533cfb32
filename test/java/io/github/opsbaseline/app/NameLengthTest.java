package io.github.opsbaseline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.core.ResourceNames;
import io.github.opsbaseline.testing.ProjectPaths;
import io.github.opsbaseline.testing.TestApps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

/**
 * The name prefix the environment file may give is one every derived name fits AWS's limits with:
 * prod, with every feature on, synthesizes at exactly {@link ResourceNames#MAX_PREFIX} characters
 * with the CDK's validator checking each name against CloudFormation's schemas.
 */
class NameLengthTest {

    @Test
    void prodSynthesizesWithTheLongestPrefixTheFileMayGive(@TempDir Path dir) throws Exception {
        // GIVEN prod with a project name that makes "<project>-prod" exactly MAX_PREFIX long
        Path configDir = Files.createDirectories(dir.resolve("config"));
        try (Stream<Path> files = Files.list(ProjectPaths.stacksConfig())) {
            for (Path f : files.toList()) {
                Files.copy(f, configDir.resolve(f.getFileName()));
            }
        }
        String project = "p".repeat(ResourceNames.MAX_PREFIX - "-prod".length());
        ObjectMapper json = new ObjectMapper();
        ObjectNode prod = (ObjectNode) json.readTree(configDir.resolve("prod.json").toFile());
        prod.put("project", project);
        json.writeValue(configDir.resolve("prod.json").toFile(), prod);
        EnvironmentConfig config = new ConfigLoader(configDir).load("prod");
        assertThat(config.names().prefix()).hasSize(ResourceNames.MAX_PREFIX);

        // WHEN every stack is built and synthesized, the validator strict
        App app = TestApps.app(Files.createDirectories(dir.resolve("out")));
        BaselineStacks.create(app, config);

        // THEN no construct refuses a name and no template breaks a name length of CloudFormation's
        assertThatCode(app::synth).doesNotThrowAnyException();
    }
}
