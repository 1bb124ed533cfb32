package io.github.opsbaseline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.operations.StatusReaderPermissions;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-only policy and the code cannot drift: every AWS action the CLI sends (as the fake AWS
 * receives it) is in {@link StatusReaderPermissions}, and every action there is sent by some run.
 */
class StatusPermissionsTest {

    @Test
    void theCliCallsExactlyThePolicysActions(@TempDir Path dir) throws Exception {
        Set<String> received = new LinkedHashSet<>();
        // a full reading, with an assembly for the offline estimate
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun.status(aws, "--env", "prod", "--assembly", AssemblyFixture.write(dir).toString());
            received.addAll(aws.received());
        }
        // a reading whose Logs Insights queries never finish (they are stopped)
        try (FakeAws aws = new FakeAws(new ProdAccount().slowQueries())) {
            CliRun.status(aws, "--env", "prod", "--logs-only");
            received.addAll(aws.received());
        }

        assertThat(StatusReaderPermissions.actions()).as("actions the CLI called that the policy does not grant")
                .containsAll(received);
        // RDS clusters: prod has only instances, so DescribeDBClusters is covered by the cluster test below
        Set<String> unused = new LinkedHashSet<>(StatusReaderPermissions.actions());
        unused.removeAll(received);
        assertThat(unused).as("actions the policy grants that no run called").containsExactly("rds:DescribeDBClusters");
    }

    @Test
    void anAuroraClusterIsReadWithDescribeDbClusters(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("aurora.json"), """
                {"extends":"prod","workload":{"databases":[{"name":"main","engine":"aurora-postgresql","clusterId":"django-ms-prod-aurora"}]}}""");
        for (String file : new String[] {"base.json", "prod.json"}) {
            java.nio.file.Files.copy(io.github.opsbaseline.testing.ProjectPaths.stacksConfig().resolve(file), dir.resolve(file));
        }
        try (FakeAws aws = new FakeAws(r -> r.action().equals("rds:DescribeDBClusters")
                ? FakeAws.Response.xml("<DescribeDBClustersResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBClustersResult>"
                        + "<DBClusters><DBCluster><DBClusterIdentifier>django-ms-prod-aurora</DBClusterIdentifier><Status>available</Status>"
                        + "<Engine>aurora-postgresql</Engine></DBCluster></DBClusters></DescribeDBClustersResult>" + ProdAccount.REQUEST_ID
                        + "</DescribeDBClustersResponse>")
                : new ProdAccount().apply(r))) {
            CliRun run = CliRun.status(aws, "--env", "aurora", "--infra-only", "--config-dir", dir.toString());

            assertThat(aws.received()).contains("rds:DescribeDBClusters").doesNotContain("rds:DescribeDBInstances");
            assertThat(StatusReaderPermissions.actions()).containsAll(aws.received());
            assertThat(run.stdout()).containsPattern("main +django-ms-prod-aurora +available");
        }
    }
}
