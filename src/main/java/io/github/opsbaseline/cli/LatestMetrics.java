package io.github.opsbaseline.cli;

import io.github.opsbaseline.operations.StatusReaderPermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * Every metric of the infra section in as few {@code GetMetricData} calls as possible (500
 * queries each): the newest 5-minute value of a gauge, or the sum over the window of a counter.
 */
final class LatestMetrics {

    /** How far back to look for the newest datapoint and over which window counters are summed. */
    static final Duration WINDOW = Duration.ofHours(1);
    static final int PERIOD_SECONDS = 300;
    private static final int MAX_QUERIES = 500;

    /** Whether a metric is read as its newest value or summed over the window. */
    enum Reduce { LATEST, SUM }

    /**
     * One metric to read.
     *
     * @param key the caller's key for the value
     * @param dimensions name, value pairs in order
     */
    record Query(String key, String namespace, String metricName, List<String> dimensions, String stat, Reduce reduce) { }

    private final List<Query> queries = new ArrayList<>();

    String add(String key, String namespace, String metricName, String stat, Reduce reduce, String... dimensions) {
        queries.add(new Query(key, namespace, metricName, List.of(dimensions), stat, reduce));
        return key;
    }

    boolean isEmpty() {
        return queries.isEmpty();
    }

    /** Reads every query; a key without datapoints maps to null. */
    Map<String, Double> read(ApiCalls calls, String section, CloudWatchClient cloudWatch, Instant now) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int from = 0; from < queries.size(); from += MAX_QUERIES) {
            List<Query> batch = queries.subList(from, Math.min(queries.size(), from + MAX_QUERIES));
            List<MetricDataQuery> data = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Query q = batch.get(i);
                values.put(q.key(), null);
                List<Dimension> dims = new ArrayList<>();
                for (int d = 0; d + 1 < q.dimensions().size(); d += 2) {
                    dims.add(Dimension.builder().name(q.dimensions().get(d)).value(q.dimensions().get(d + 1)).build());
                }
                data.add(MetricDataQuery.builder().id("m" + (from + i)).returnData(true)
                        .metricStat(MetricStat.builder().period(PERIOD_SECONDS).stat(q.stat())
                                .metric(Metric.builder().namespace(q.namespace()).metricName(q.metricName()).dimensions(dims).build())
                                .build())
                        .build());
            }
            String token = null;
            do {
                GetMetricDataRequest request = GetMetricDataRequest.builder().metricDataQueries(data)
                        .startTime(now.minus(WINDOW)).endTime(now).scanBy(ScanBy.TIMESTAMP_DESCENDING).nextToken(token).build();
                GetMetricDataResponse response = calls.call(section, StatusReaderPermissions.CLOUDWATCH_GET_METRIC_DATA,
                        () -> cloudWatch.getMetricData(request));
                for (MetricDataResult result : response.metricDataResults()) {
                    int index = Integer.parseInt(result.id().substring(1));
                    Query q = queries.get(index);
                    if (result.values().isEmpty()) {
                        continue;
                    }
                    Double previous = values.get(q.key());
                    if (q.reduce() == Reduce.SUM) {
                        double sum = result.values().stream().mapToDouble(Double::doubleValue).sum();
                        values.put(q.key(), previous == null ? sum : previous + sum);
                    } else if (previous == null) {
                        values.put(q.key(), result.values().get(0)); // newest first (TimestampDescending)
                    }
                }
                token = response.nextToken();
            } while (token != null);
        }
        return values;
    }
}
