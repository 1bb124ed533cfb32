package io.github.opsbaseline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.config.WorkloadConfig.LoadBalancerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ARNs the environment file names are accepted in every partition, not only {@code aws}. */
class PartitionArnsTest {

    @ParameterizedTest
    @ValueSource(strings = {"aws", "aws-cn", "aws-us-gov"})
    void loadBalancerAndAnomalyMonitorArnsOfEachPartition(String partition) {
        ConfigProblems problems = new ConfigProblems();

        new LoadBalancerConfig("public", "arn:" + partition
                + ":elasticloadbalancing:cn-north-1:777788889999:loadbalancer/app/shop/0123456789abcdef", null)
                .validate(problems, "$.workload.loadBalancers[0]");
        new CostConfig.Anomaly(true, "arn:" + partition
                + ":ce::777788889999:anomalymonitor/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", null, null)
                .validate(problems, "$.cost.anomaly");

        assertThat(problems.entries()).isEmpty();
    }

    @Test
    void anotherPartitionIsStillRefused() {
        ConfigProblems problems = new ConfigProblems();

        new CostConfig.Anomaly(true, "arn:aws-iso:ce::777788889999:anomalymonitor/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                null, null).validate(problems, "$.cost.anomaly");

        assertThat(problems.entries()).extracting(ConfigProblems.Entry::path).containsExactly("$.cost.anomaly.existingMonitorArn");
    }
}
