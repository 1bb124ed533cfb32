package io.github.opsbaseline.monitoring.logs;

import io.github.opsbaseline.core.Numbers;
import io.github.opsbaseline.core.ResourceNames;
import io.github.opsbaseline.monitoring.alarm.AlarmFactory;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.logs.CfnQueryDefinition;
import software.constructs.Construct;

/**
 * Seed 000's six saved Logs Insights queries ({@code log_analysis_queries.md}) over the service
 * log groups, in the console's query list under the folder {@code <project>-<env>}.
 */
public class LogInsightsQueries extends Construct {

    /** CloudWatch Logs Insights accepts at most 50 log groups per query definition. */
    public static final int MAX_LOG_GROUPS = 50;

    /** A saved query: its id (name within the folder) and Logs Insights text. */
    public record Query(String id, String queryString) { }

    private final List<Query> queries;

    /**
     * @param names the naming scheme (the folder is its prefix)
     * @param logGroupNames the service log groups, at most 50
     * @param slowRequestSeconds the slow-request threshold (seed: 1 s)
     */
    public LogInsightsQueries(Construct scope, String id, ResourceNames names, List<String> logGroupNames,
                              double slowRequestSeconds) {
        super(scope, id);
        Objects.requireNonNull(names, "names");
        if (logGroupNames.isEmpty() || logGroupNames.size() > MAX_LOG_GROUPS) {
            throw new IllegalArgumentException("a saved query covers 1 to " + MAX_LOG_GROUPS + " log groups, got "
                    + logGroupNames.size());
        }
        queries = queries(slowRequestSeconds);
        for (Query q : queries) {
            CfnQueryDefinition.Builder.create(this, q.id())
                    .name(names.prefix() + "/" + q.id())
                    .queryString(q.queryString())
                    .logGroupNames(logGroupNames)
                    .build();
        }
    }

    /** The queries, in seed order. */
    public static List<Query> queries(double slowRequestSeconds) {
        String slow = Numbers.plain(slowRequestSeconds);
        return List.of(
                new Query("errors-by-module-function", String.join("\n",
                        "fields @timestamp, module, function, message",
                        "| filter " + LogSignals.lines("log-errors").insightsFilter(),
                        "| stats count(*) as errors by module, function",
                        "| sort errors desc")),
                new Query("slow-requests", String.join("\n",
                        "fields @timestamp, request_id, performance.response_time as response_time, message, @log",
                        "| filter performance.response_time > " + slow,
                        "| sort response_time desc",
                        "| limit 100")),
                new Query("auth-errors-by-user", String.join("\n",
                        "fields @timestamp, user_id, message",
                        "| filter " + LogSignals.lines("auth-failures").insightsFilter(),
                        "| stats count(*) as failures by user_id",
                        "| sort failures desc")),
                new Query("payment-errors-by-message", String.join("\n",
                        "fields @timestamp, logger, message",
                        "| filter " + LogSignals.lines("payment-errors").insightsFilter(),
                        "| stats count(*) as errors by message",
                        "| sort errors desc")),
                new Query("database-errors", String.join("\n",
                        "fields @timestamp, logger, module, function, message, request_id, @log",
                        "| filter " + LogSignals.lines("database-errors").insightsFilter(),
                        "| sort @timestamp desc",
                        "| limit 200")),
                new Query("requests-per-minute", String.join("\n",
                        "filter level = \"INFO\" and message like /(?i)request/",
                        "| stats count(*) as requests by bin(1m) as minute",
                        "| sort minute desc")));
    }

    public List<Query> queries() {
        return queries;
    }
}
