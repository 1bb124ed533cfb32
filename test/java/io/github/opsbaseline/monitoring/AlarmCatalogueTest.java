package io.github.opsbaseline.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.config.ConfigProblems;
import io.github.opsbaseline.config.MonitoringConfig;
import io.github.opsbaseline.config.MonitoringConfig.AlarmOverride;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every signal a construct can create is a key the environment file may override or turn off. */
class AlarmCatalogueTest {

    @ParameterizedTest
    @CsvSource({"service, healthy-hosts", "service, unhealthy-hosts", "database, replication-stopped",
            "database, replica-lag"})
    void signalsOnlySomeResourcesGetCanStillBeTurnedOff(String kind, String signal) {
        ConfigProblems problems = new ConfigProblems();

        AlarmCatalogue.validateOverride(problems, "$.monitoring.alarms['" + kind + "." + signal + "']", kind, signal,
                new AlarmOverride(null, null, false), MonitoringConfig.Thresholds.seedDefaults());

        assertThat(problems.entries()).isEmpty();
        assertThat(AlarmCatalogue.SIGNALS.get(kind)).containsKey(signal);
    }
}
