package io.github.opsbaseline.cost.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CostCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CostCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownArgumentPrintsTheUsageAndExits2() {
        assertThat(run("--environment", "prod")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("unknown argument \"--environment\"; usage: cost --env");
    }

    @Test
    void anUnknownEnvironmentExits1WithTheConfigMessage() {
        assertThat(run("--env", "nope")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown environment \"nope\"");
    }

    @Test
    void aMissingAssemblyIsNamed() {
        assertThat(run("--env", "dev", "--assembly", "/nonexistent/cdk.out")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no cloud assembly at /nonexistent/cdk.out");
    }
}
