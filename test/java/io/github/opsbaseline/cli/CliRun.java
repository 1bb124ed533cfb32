package io.github.opsbaseline.cli;

import io.github.opsbaseline.testing.ProjectPaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Runs {@code status} in-process against a {@link FakeAws}, with test credentials and millisecond backoff. */
record CliRun(int exitCode, String stdout, String stderr) {

    /** Three attempts per call, 1-5 ms apart: throttling tests stay fast. */
    static final int MAX_ATTEMPTS = 3;

    static AwsAccess.Settings settings() {
        return new AwsAccess.Settings(MAX_ATTEMPTS, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(5), null,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")));
    }

    static CliRun status(FakeAws aws, String... args) {
        return status(aws, settings(), ProdAccount.CLOCK, args);
    }

    static CliRun status(FakeAws aws, AwsAccess.Settings settings, Clock clock, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--config-dir")) {
            all.addAll(List.of("--config-dir", ProjectPaths.stacksConfig().toString()));
        }
        if (aws != null) {
            all.addAll(List.of("--endpoint-url", aws.endpoint().toString()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StatusCommand.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), settings, clock, d -> { });
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
