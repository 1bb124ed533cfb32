package io.github.opsbaseline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.operations.StatusReaderPermissions;
import io.github.opsbaseline.testing.ProjectPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's samples are this test's output for prod: {@code docs/status-sample.txt} and
 * {@code docs/status-sample.json}, copied into README.md with the policy's action table
 * (from {@link StatusReaderPermissions}). {@code -Dsnapshot.update=true} rewrites them; otherwise a
 * difference fails, so the documented output and the code cannot drift apart.
 */
class StatusSampleTest {

    @Test
    void theTableSampleIsWhatStatusPrintsForProd() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun run = CliRun.status(aws, "--env", "prod");
            assertThat(run.exitCode()).isEqualTo(1);
            matches(ProjectPaths.root().resolve("docs/status-sample.txt"), "$ bin/ops-baseline status --env prod\n" + run.stdout());
        }
    }

    @Test
    void theJsonSampleIsWhatStatusPrintsForProd() throws Exception {
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            CliRun run = CliRun.status(aws, "--env", "prod", "--output", "json");
            assertThat(run.exitCode()).isEqualTo(1);
            matches(ProjectPaths.root().resolve("docs/status-sample.json"), run.stdout());
        }
    }

    @Test
    void theReadmeCarriesBothSamplesAndThePolicysActions() throws Exception {
        String table;
        String json;
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            table = "$ bin/ops-baseline status --env prod\n" + CliRun.status(aws, "--env", "prod").stdout();
            json = CliRun.status(aws, "--env", "prod", "--output", "json").stdout();
        }
        StringBuilder permissions = new StringBuilder("| action | resource | used for |\n|---|---|---|\n");
        StatusReaderPermissions.all().forEach(p -> permissions.append("| `").append(p.action()).append("` | `")
                .append(p.scope().pattern()).append("` | ").append(p.usedFor()).append(" |\n"));
        java.util.Map<String, String> blocks = new java.util.LinkedHashMap<>();
        blocks.put("permissions", permissions.toString());
        blocks.put("status-sample.txt", "```text\n" + table + "```\n");
        blocks.put("status-sample.json", "```json\n" + json + "```\n");
        io.github.opsbaseline.testing.ReadmeBlocks.check(blocks);
    }

    private static void matches(Path file, String actual) throws IOException {
        if (ProjectPaths.updateSnapshots()) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("sample missing: run mvn test -Dsnapshot.update=true -Dtest='io.github.opsbaseline.cli.**'").exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as(file + " is stale: rerun with -Dsnapshot.update=true and review the diff").isEqualTo(actual);
    }
}
