package io.github.opsbaseline.cli;

import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.operations.StatusTargets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What every section reader needs for one reading.
 *
 * @param assembly the synthesized cloud assembly for the offline cost estimate; null = not available
 * @param pause waits between Logs Insights polls and watch refreshes (tests pass a no-op)
 */
record ReadContext(EnvironmentConfig config, StatusTargets targets, AwsAccess aws, ApiCalls calls, Clock clock,
                   Pause pause, Path assembly, List<String> otherEnvironments) {

    /** Waiting, replaceable in tests. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;

        static Pause sleeping() {
            return d -> Thread.sleep(d.toMillis());
        }
    }

    Instant now() {
        return clock.instant();
    }
}
