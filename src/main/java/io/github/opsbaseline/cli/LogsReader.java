package io.github.opsbaseline.cli;

import static io.github.opsbaseline.operations.StatusReaderPermissions.LOGS_DESCRIBE_QUERY_DEFINITIONS;
import static io.github.opsbaseline.operations.StatusReaderPermissions.LOGS_GET_QUERY_RESULTS;
import static io.github.opsbaseline.operations.StatusReaderPermissions.LOGS_START_QUERY;
import static io.github.opsbaseline.operations.StatusReaderPermissions.LOGS_STOP_QUERY;

import io.github.opsbaseline.cli.StatusReport.ErrorGroup;
import io.github.opsbaseline.cli.StatusReport.Logs;
import io.github.opsbaseline.cli.StatusReport.Problem;
import io.github.opsbaseline.cli.StatusReport.ServiceErrors;
import io.github.opsbaseline.config.WorkloadConfig.ServiceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryDefinition;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/**
 * Recent errors per service: the monitoring stack's saved Logs Insights query
 * {@code <project>-<env>/errors-by-module-function}, run over each service's log group for the last
 * {@link #WINDOW}, at most {@link #ROW_LIMIT} rows each, polled for at most {@link #MAX_POLLS}
 * rounds; a query still running then is stopped so it does not hold one of the account's
 * concurrent query slots.
 */
final class LogsReader {

    static final String SECTION = "logs";
    static final Duration WINDOW = Duration.ofHours(1);
    static final int ROW_LIMIT = 5;
    static final int MAX_POLLS = 30;
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /** Queries run at once: a share of the account's concurrent Logs Insights queries (30 in StartQuery's reference). */
    static final int CONCURRENT_QUERIES = 10;

    private LogsReader() { }

    static Logs read(ReadContext ctx) {
        String savedName = ctx.targets().errorsQueryName();
        List<ServiceConfig> services = ctx.config().workload().services();
        QueryDefinition saved;
        try {
            saved = ctx.calls().call(SECTION, LOGS_DESCRIBE_QUERY_DEFINITIONS,
                    () -> ctx.aws().logs().describeQueryDefinitions(r -> r.queryDefinitionNamePrefix(savedName).maxResults(10)))
                    .queryDefinitions().stream().filter(q -> savedName.equals(q.name())).findFirst().orElse(null);
        } catch (ApiCalls.Failed e) {
            ctx.calls().report(e.problem());
            return null;
        }
        if (saved == null) {
            ctx.calls().report(new Problem(SECTION, LOGS_DESCRIBE_QUERY_DEFINITIONS, "not-found",
                    "saved query " + savedName + " not found: is the monitoring stack deployed in " + ctx.config().region() + "?"));
            return new Logs(savedName, (int) WINDOW.toMinutes(), ROW_LIMIT, null);
        }
        Instant end = ctx.now();
        long startSeconds = end.minus(WINDOW).getEpochSecond();
        Map<ServiceConfig, ServiceErrors> done = new LinkedHashMap<>();
        // A few queries at a time: Logs Insights allows an account a limited number of concurrent queries,
        // dashboards' and other users' included
        for (int i = 0; i < services.size(); i += CONCURRENT_QUERIES) {
            query(ctx, services.subList(i, Math.min(services.size(), i + CONCURRENT_QUERIES)), saved.queryString(),
                    startSeconds, end, done);
        }
        List<ServiceErrors> result = new ArrayList<>();
        services.forEach(s -> result.add(done.get(s)));
        return new Logs(savedName, (int) WINDOW.toMinutes(), ROW_LIMIT, result);
    }

    /** Runs the saved query on each service of {@code batch} at once, and records each one's rows in {@code done}. */
    private static void query(ReadContext ctx, List<ServiceConfig> batch, String queryString, long startSeconds,
                              Instant end, Map<ServiceConfig, ServiceErrors> done) {
        Map<ServiceConfig, String> running = new LinkedHashMap<>();
        for (ServiceConfig service : batch) {
            String logGroup = service.logGroupName(ctx.targets().names());
            try {
                String queryId = ctx.calls().call(SECTION, LOGS_START_QUERY, () -> ctx.aws().logs().startQuery(r -> r
                        .logGroupName(logGroup).startTime(startSeconds).endTime(end.getEpochSecond())
                        .queryString(queryString).limit(ROW_LIMIT))).queryId();
                running.put(service, queryId);
            } catch (ApiCalls.Failed e) {
                ctx.calls().report(e.problem());
                done.put(service, new ServiceErrors(service.name(), logGroup, null, false, null));
            }
        }
        for (int poll = 0; poll < MAX_POLLS && !running.isEmpty(); poll++) {
            if (poll > 0 && !pause(ctx)) {
                break;
            }
            for (var it = running.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                ServiceConfig service = entry.getKey();
                String logGroup = service.logGroupName(ctx.targets().names());
                try {
                    GetQueryResultsResponse results = ctx.calls().call(SECTION, LOGS_GET_QUERY_RESULTS,
                            () -> ctx.aws().logs().getQueryResults(r -> r.queryId(entry.getValue())));
                    switch (results.statusAsString()) {
                        case "Complete" -> {
                            done.put(service, errors(service.name(), logGroup, results.results()));
                            it.remove();
                        }
                        case "Scheduled", "Running" -> { }
                        default -> {
                            String kind = results.statusAsString().equals("Timeout") ? "timeout" : "error";
                            ctx.calls().report(new Problem(SECTION, LOGS_GET_QUERY_RESULTS, kind, "Logs Insights query on "
                                    + logGroup + " ended " + results.statusAsString()));
                            done.put(service, new ServiceErrors(service.name(), logGroup, null, false, null));
                            it.remove();
                        }
                    }
                } catch (ApiCalls.Failed e) {
                    ctx.calls().report(e.problem());
                    done.put(service, new ServiceErrors(service.name(), logGroup, null, false, null));
                    it.remove();
                }
            }
        }
        running.forEach((service, queryId) -> {
            String logGroup = service.logGroupName(ctx.targets().names());
            ctx.calls().report(new Problem(SECTION, LOGS_GET_QUERY_RESULTS, "timeout", "Logs Insights query on " + logGroup
                    + " still running after " + MAX_POLLS + " polls; stopped"));
            try {
                ctx.calls().call(SECTION, LOGS_STOP_QUERY, () -> ctx.aws().logs().stopQuery(r -> r.queryId(queryId)));
            } catch (ApiCalls.Failed e) {
                ctx.calls().report(e.problem());
            }
            done.put(service, new ServiceErrors(service.name(), logGroup, null, false, null));
        });
    }

    private static boolean pause(ReadContext ctx) {
        try {
            ctx.pause().pause(POLL_INTERVAL);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Rows of the saved query ({@code module, function, errors}), largest first as the query sorts them. */
    private static ServiceErrors errors(String service, String logGroup, List<List<ResultField>> rows) {
        List<ErrorGroup> groups = new ArrayList<>();
        int total = 0;
        for (List<ResultField> row : rows) {
            Map<String, String> fields = new LinkedHashMap<>();
            row.forEach(f -> fields.put(f.field(), f.value()));
            int count = (int) Double.parseDouble(fields.getOrDefault("errors", "0"));
            total += count;
            groups.add(new ErrorGroup(fields.get("module"), fields.get("function"), count));
        }
        return new ServiceErrors(service, logGroup, total, rows.size() >= ROW_LIMIT, groups);
    }
}
