package io.github.opsbaseline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.monitoring.MonitoredWorkload;
import io.github.opsbaseline.testing.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusTargetsTest {

    @Test
    void aServiceWithoutALogGroupIsReadWhereTheMonitoringCreatesIt(@TempDir Path dir) throws Exception {
        // GIVEN dev with every service's logGroup left out
        try (Stream<Path> files = Files.list(ProjectPaths.stacksConfig())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode dev = (ObjectNode) json.readTree(dir.resolve("dev.json").toFile());
        dev.at("/workload/services").forEach(s -> ((ObjectNode) s).remove("logGroup"));
        json.writeValue(dir.resolve("dev.json").toFile(), dev);
        EnvironmentConfig config = new ConfigLoader(dir).load("dev");

        // WHEN the status command and the monitoring stack each name the services' log groups
        var read = new StatusTargets(config).logGroups();
        var created = MonitoredWorkload.fromConfig(config).services().stream()
                .map(MonitoredWorkload.Service::logGroupName).toList();

        // THEN they are the same groups, the documented /ecs/<project>-<env>-<name>
        assertThat(read).isEqualTo(created).contains("/ecs/django-ms-dev-api-gateway").hasSize(5);
    }
}
