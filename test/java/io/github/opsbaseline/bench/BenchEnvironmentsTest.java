package io.github.opsbaseline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.testing.ProjectPaths;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchEnvironmentsTest {

    @Test
    void generatedEnvironmentsAreValidAndOfTheStatedSize() throws Exception {
        Path dir = BenchEnvironments.write(ProjectPaths.stacksConfig(), 10, 25);

        EnvironmentConfig ten = new ConfigLoader(dir).load("bench-10");
        EnvironmentConfig more = new ConfigLoader(dir).load("bench-25");

        assertThat(ten.workload().services()).hasSize(10).allSatisfy(s -> {
            assertThat(s.targetGroupArn()).isNotNull();
            assertThat(s.healthUrl()).isNotNull();
        });
        assertThat(ten.workload().databases()).hasSize(1);
        assertThat(ten.workload().caches()).hasSize(1);
        assertThat(more.workload().services()).hasSize(25);
        assertThat(more.workload().databases()).hasSize(2);
        assertThat(more.workload().caches()).hasSize(2);
        assertThat(more.workload().services().get(24).name()).isEqualTo("svc-0024");
    }
}
