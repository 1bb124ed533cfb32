package io.github.opsbaseline.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.alerting.AlertTopicsProps;
import io.github.opsbaseline.core.ResourceNames;
import io.github.opsbaseline.testing.StackTemplates;
import io.github.opsbaseline.testing.TestApps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.StackProps;

/** {@code monitoring.createLogGroups: false}: the team's log groups are watched, none is created. */
class TeamLogGroupsTest {

    private static StackTemplates monitoring(boolean createLogGroups) {
        MonitoredWorkload workload = new MonitoredWorkload(List.of(new MonitoredWorkload.Service("api", "main", "api",
                "/ecs/team-api", null, null, null, null)), null, null, null);
        MonitoringSettings settings = new MonitoringSettings(null, createLogGroups, null, null, null, null, null, null,
                null, null, null);
        return StackTemplates.of(new MonitoringStack(TestApps.app(), "Monitoring", new MonitoringStackProps(
                StackProps.builder().build(), AlertTopicsProps.builder().names(new ResourceNames("shop", "test")).build(),
                workload, settings)));
    }

    @Test
    void withoutLogGroupsThereIsNoDataKeyNoKeyParameterAndNoLogGroupButEveryFilter() {
        // GIVEN one service, no health URL (so no canary), log groups created and not
        StackTemplates created = monitoring(true);
        StackTemplates team = monitoring(false);

        // THEN created: its log group, the data key beside the topics' key, and the key's parameter
        created.resourceCountIs("AWS::Logs::LogGroup", 1);
        created.resourceCountIs("AWS::KMS::Key", 2);
        created.resourceCountIs("AWS::SSM::Parameter", 1);
        // AND not: only the alert topics' key, no parameter, no log group; the filters read the team's group
        team.resourceCountIs("AWS::Logs::LogGroup", 0);
        team.resourceCountIs("AWS::KMS::Key", 1);
        team.resourceCountIs("AWS::SSM::Parameter", 0);
        assertThat(team.findResources("AWS::Logs::MetricFilter")).hasSize(5)
                .allSatisfy((id, r) -> assertThat(((Map<?, ?>) r.get("Properties")).get("LogGroupName"))
                        .isEqualTo("/ecs/team-api"));
    }

    @Test
    void aRetentionCloudWatchLogsDoesNotOfferIsRefusedInCodeToo() {
        // the file's loader reports it with its path; code gets the same rule as an exception
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MonitoringSettings(45, null, null, null, null,
                        null, null, null, null, null, null))
                .hasMessageStartingWith("logRetentionDays: expected one of CloudWatch Logs' retention periods [1, 3, 5,")
                .hasMessageEndingWith("found 45");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new io.github.opsbaseline.monitoring.logs.ServiceLogsProps(
                        MonitoringFixtures.options(MonitoringFixtures.stack()), "api", "/ecs/api", true, 45, null, null,
                        null, null, null))
                .hasMessageStartingWith("retentionDays: expected one of CloudWatch Logs' retention periods")
                .hasMessageEndingWith("found 45");
    }
}
