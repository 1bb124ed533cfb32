package io.github.opsbaseline.monitoring.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.opsbaseline.monitoring.MonitoringFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogInsightsQueriesTest {

    private Template template;

    @BeforeAll
    void synth() {
        Stack stack = MonitoringFixtures.stack();
        new LogInsightsQueries(stack, "Queries", MonitoringFixtures.NAMES, List.of("/ecs/a", "/ecs/b"), 1.0);
        template = Template.fromStack(stack);
    }

    @Test
    void theSixSeedQueriesAreSavedInTheEnvironmentsFolderScopedToTheServiceGroups() {
        template.resourceCountIs("AWS::Logs::QueryDefinition", 6);
        for (String id : List.of("errors-by-module-function", "slow-requests", "auth-errors-by-user",
                "payment-errors-by-message", "database-errors", "requests-per-minute")) {
            template.hasResourceProperties("AWS::Logs::QueryDefinition", Map.of("Name", "shop-test/" + id,
                    "LogGroupNames", List.of("/ecs/a", "/ecs/b")));
        }
    }

    @Test
    void eachAlarmsSavedQuerySelectsTheLinesItsMetricFilterCounts() {
        // the alarm descriptions send a responder to these queries (seed 000's, widened to the alarms'
        // levels and terms): a query narrower than its filter would show nothing for some alarms
        List<LogInsightsQueries.Query> queries = LogInsightsQueries.queries(1);
        assertThat(queries.get(2).queryString()).contains("| filter level in [\"ERROR\", \"WARNING\"]"
                + " and (message like /uthenticat/ or message like /login failed/)");
        assertThat(queries.get(3).queryString()).contains("| filter level in [\"ERROR\", \"CRITICAL\"]"
                + " and (logger like /sumup/ or logger like /payment/)");
        assertThat(queries.get(4).queryString()).contains("| filter level in [\"ERROR\", \"CRITICAL\"]"
                + " and (logger like /database/ or logger like /django\\.db/ or logger like /sqlalchemy/)");
        // and the metric filters are what they were (same patterns, so no filter changes on upgrade)
        assertThat(LogSignals.filters(1)).extracting(LogSignals.LogFilter::pattern).containsExactly(
                "{ ($.level = \"ERROR\") || ($.level = \"CRITICAL\") }",
                "{ $.performance.response_time > 1 }",
                "{ ($.level = \"ERROR\" || $.level = \"WARNING\") && (($.message = \"*uthenticat*\")"
                        + " || ($.message = \"*login failed*\")) }",
                "{ ($.level = \"ERROR\" || $.level = \"CRITICAL\") && (($.logger = \"*sumup*\")"
                        + " || ($.logger = \"*payment*\")) }",
                "{ ($.level = \"ERROR\" || $.level = \"CRITICAL\") && (($.logger = \"*database*\")"
                        + " || ($.logger = \"*django.db*\") || ($.logger = \"*sqlalchemy*\")) }");
    }

    @Test
    void theQueriesAreLogsInsightsSyntax() {
        template.hasResourceProperties("AWS::Logs::QueryDefinition", Map.of("Name", "shop-test/errors-by-module-function",
                "QueryString", "fields @timestamp, module, function, message\n| filter level in [\"ERROR\", \"CRITICAL\"]\n"
                        + "| stats count(*) as errors by module, function\n| sort errors desc"));
        template.hasResourceProperties("AWS::Logs::QueryDefinition", Map.of("Name", "shop-test/slow-requests",
                "QueryString", "fields @timestamp, request_id, performance.response_time as response_time, message, @log\n"
                        + "| filter performance.response_time > 1\n| sort response_time desc\n| limit 100"));
        assertThat(LogInsightsQueries.queries(1).get(5).queryString()).contains("stats count(*) as requests by bin(1m)");
        assertThat(LogInsightsQueries.queries(1).get(2).queryString()).contains("by user_id");
        assertThat(LogInsightsQueries.queries(1).get(3).queryString()).contains("by message");
    }

    @Test
    void moreThanFiftyGroupsAreRefused() {
        Stack stack = MonitoringFixtures.stack();
        List<String> groups = java.util.stream.IntStream.range(0, 51).mapToObj(i -> "/g" + i).toList();
        assertThatThrownBy(() -> new LogInsightsQueries(stack, "Q", MonitoringFixtures.NAMES, groups, 1.0))
                .hasMessageContaining("1 to 50 log groups, got 51");
    }
}
