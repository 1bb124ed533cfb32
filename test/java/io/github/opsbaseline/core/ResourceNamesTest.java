package io.github.opsbaseline.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.opsbaseline.alerting.Severity;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {

    private final ResourceNames names = new ResourceNames("django-ms", "prod");

    @Test
    void everyNameStartsWithProjectAndEnvironment() {
        assertThat(names.prefix()).isEqualTo("django-ms-prod");
        assertThat(names.name("alerts", "critical")).isEqualTo("django-ms-prod-alerts-critical");
    }

    @Test
    void alarmNamesFollowResourceSignalSeverity() {
        assertThat(names.alarmName("api-gateway", "cpu", Severity.WARNING))
                .isEqualTo("django-ms-prod-api-gateway-cpu-warning");
    }

    @Test
    void partsFromConfigAreCleanedIntoUsableNames() {
        assertThat(names.name("Order Service", "p99/latency", "")).isEqualTo("django-ms-prod-order-service-p99-latency");
    }

    @Test
    void aProjectOrEnvironmentThatCannotBeNamedIsRefused() {
        assertThatThrownBy(() -> new ResourceNames("Django", "prod"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("project must be lower-case").hasMessageContaining("\"Django\"");
        assertThatThrownBy(() -> new ResourceNames("shop", "-x")).hasMessageContaining("environment");
    }
}
