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
 * {@code docs/status-sample.json}, copied into {@code docs/cli.md} with the policy's action table
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
    void docsCliMdCarriesBothSamplesAndThePolicysActions() throws Exception {
        String table;
        String json;
        try (FakeAws aws = new FakeAws(new ProdAccount())) {
            table = "$ bin/ops-baseline status --env prod\n" + CliRun.status(aws, "--env", "prod").stdout();
            json = CliRun.status(aws, "--env", "prod", "--output", "json").stdout();
        }
        StringBuilder permissions = new StringBuilder("| action | resource | used for |\n|---|---|---|\n");
        StatusReaderPermissions.all().forEach(p -> permissions.append("| `").append(p.action()).append("` | `")
                .append(p.scope().pattern()).append("` | ").append(p.usedFor()).append(" |\n"));
        Path doc = ProjectPaths.root().resolve("docs/cli.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        String expected = block(block(block(text, "permissions", permissions.toString()),
                "status-sample.txt", "```text\n" + table + "```\n"), "status-sample.json", "```json\n" + json + "```\n");
        matches(doc, expected);
    }

    /** Replaces what stands between {@code <!-- BEGIN name -->} and {@code <!-- END name -->}. */
    private static String block(String text, String name, String content) {
        String begin = "<!-- BEGIN " + name + " -->\n";
        String end = "<!-- END " + name + " -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertThat(from).as("marker " + begin.trim() + " in docs/cli.md").isNotNegative();
        assertThat(to).as("marker " + end).isGreaterThan(from);
        return text.substring(0, from + begin.length()) + content + text.substring(to);
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
