package io.github.opsbaseline.monitoring.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builders of CloudWatch dashboard-body widgets as plain maps (insertion-ordered, so the JSON is
 * deterministic). Building the body as data costs one jsii call per dashboard instead of several per
 * widget.
 */
public final class Widgets {

    private Widgets() { }

    /** One line of a metric widget: namespace, name, dimension pairs, and the statistic and label. */
    public static List<Object> line(String namespace, String metric, Map<String, String> dimensions, String stat,
                                    String label) {
        List<Object> line = new ArrayList<>();
        line.add(namespace);
        line.add(metric);
        dimensions.forEach((k, v) -> {
            line.add(k);
            line.add(v);
        });
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("stat", stat);
        options.put("label", label);
        line.add(options);
        return line;
    }

    public static Map<String, Object> metric(String title, String region, List<List<Object>> lines) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("title", title);
        props.put("region", region);
        props.put("view", "timeSeries");
        props.put("stacked", false);
        props.put("period", 300);
        props.put("metrics", lines);
        return widget("metric", 8, 6, props);
    }

    public static Map<String, Object> alarmStatus(String title, List<String> alarmArns) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("title", title);
        props.put("alarms", alarmArns);
        props.put("sortBy", "stateUpdatedTimestamp");
        return widget("alarm", 24, Math.max(3, 2 + alarmArns.size() / 4), props);
    }

    public static Map<String, Object> logs(String title, String region, List<String> logGroups, String query) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("title", title);
        props.put("region", region);
        props.put("view", "table");
        props.put("query", "SOURCE " + String.join(" | SOURCE ",
                logGroups.stream().map(g -> "'" + g + "'").toList()) + " | " + query);
        return widget("log", 24, 6, props);
    }

    public static Map<String, Object> text(String markdown) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("markdown", markdown);
        return widget("text", 24, 1, props);
    }

    private static Map<String, Object> widget(String type, int width, int height, Map<String, Object> props) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("type", type);
        w.put("width", width);
        w.put("height", height);
        w.put("properties", props);
        return w;
    }
}
