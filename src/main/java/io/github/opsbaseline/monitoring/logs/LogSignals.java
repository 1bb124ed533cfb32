package io.github.opsbaseline.monitoring.logs;

import io.github.opsbaseline.core.Numbers;
import static io.github.opsbaseline.monitoring.alarm.MetricSpec.metric;
import static io.github.opsbaseline.monitoring.alarm.SignalDefinition.signal;

import io.github.opsbaseline.monitoring.alarm.AlarmFactory;
import io.github.opsbaseline.monitoring.alarm.SignalDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Metric filters over the structured JSON log seed 000's services write ({@code level},
 * {@code logger}, {@code message}, {@code module}, {@code function}, {@code request_id},
 * {@code user_id}, {@code performance.response_time} in seconds), and the alarm of each.
 */
public final class LogSignals {

    private LogSignals() { }

    public static final String KIND = "logs";

    /** Every signal id, for config validation. */
    public static final List<String> IDS = List.of("log-errors", "slow-requests", "auth-failures",
            "payment-errors", "database-errors");

    /** A metric filter: the signal it feeds and its CloudWatch Logs filter pattern. */
    public record LogFilter(String signal, String title, String pattern) { }

    /**
     * Which log lines a signal counts: a {@code level} among {@code levels} and, when {@code terms}
     * are given, a {@code field} containing one of them (case as written). One definition renders
     * both the metric filter and the saved query the alarm points to, so the query a responder opens
     * shows the lines the alarm counted.
     */
    public record Lines(List<String> levels, String field, List<String> terms) {

        /** The CloudWatch Logs metric filter pattern. */
        public String metricFilterPattern() {
            List<String> levelTests = levels.stream().map(l -> "$.level = \"" + l + "\"").toList();
            if (terms.isEmpty()) {
                return "{ (" + String.join(") || (", levelTests) + ") }";
            }
            List<String> termTests = terms.stream().map(t -> "($." + field + " = \"*" + t + "*\")").toList();
            return "{ (" + String.join(" || ", levelTests) + ") && (" + String.join(" || ", termTests) + ") }";
        }

        /** The same lines as a Logs Insights filter expression. */
        public String insightsFilter() {
            String level = levels.size() == 1 ? "level = \"" + levels.get(0) + "\""
                    : "level in [" + String.join(", ", levels.stream().map(l -> "\"" + l + "\"").toList()) + "]";
            if (terms.isEmpty()) {
                return level;
            }
            List<String> termTests = terms.stream().map(t -> field + " like /" + t.replace(".", "\\.") + "/").toList();
            return level + " and (" + String.join(" or ", termTests) + ")";
        }
    }

    private static final List<String> ERRORS = List.of("ERROR", "CRITICAL");

    /** The lines each log signal counts (the slow-request one compares a number instead). */
    public static Lines lines(String signal) {
        return switch (signal) {
            case "log-errors" -> new Lines(ERRORS, "message", List.of());
            // "*uthenticat*": filter patterns are case sensitive, so both Authentication and authentication
            case "auth-failures" -> new Lines(List.of("ERROR", "WARNING"), "message", List.of("uthenticat", "login failed"));
            case "payment-errors" -> new Lines(ERRORS, "logger", List.of("sumup", "payment"));
            case "database-errors" -> new Lines(ERRORS, "logger", List.of("database", "django.db", "sqlalchemy"));
            default -> throw new IllegalArgumentException("no line match for " + signal);
        };
    }

    /** The filters, slow requests at {@code slowSeconds} (seed: 1 s). */
    public static List<LogFilter> filters(double slowSeconds) {
        return List.of(
                counting("log-errors", "Error log lines"),
                new LogFilter("slow-requests", "Slow requests",
                        "{ $.performance.response_time > " + Numbers.plain(slowSeconds) + " }"),
                counting("auth-failures", "Authentication failures"),
                counting("payment-errors", "Payment errors"),
                counting("database-errors", "Database errors"));
    }

    private static LogFilter counting(String signal, String title) {
        return new LogFilter(signal, title, lines(signal).metricFilterPattern());
    }

    /** The metric a service's filter publishes: {@code <resource>-<signal>} in the namespace. */
    public static String metricName(String resource, String signal) {
        return resource + "-" + signal;
    }

    /** The alarm definitions over one service's filter metrics (5-minute sums). */
    public static List<SignalDefinition> signals(String namespace, String resource) {
        List<SignalDefinition> s = new ArrayList<>();
        s.add(signal("log-errors", "Error log lines", metric(namespace, metricName(resource, "log-errors"), "Sum"))
                .every(300, 1, 1)
                .above(10.0, 50.0, "lines")
                .means("The service logs errors at an unusual rate.",
                        "Saved query errors-by-module-function (which module and function), then the request_id"
                                + " of one error across services."));
        s.add(signal("slow-requests", "Slow requests", metric(namespace, metricName(resource, "slow-requests"), "Sum"))
                .every(300, 1, 1)
                .above(20.0, 100.0, "requests")
                .means("Many requests exceed the slow-request time the service logs in performance.response_time.",
                        "Saved query slow-requests (slowest first), database latency and connections."));
        s.add(signal("auth-failures", "Authentication failures",
                metric(namespace, metricName(resource, "auth-failures"), "Sum"))
                .every(300, 1, 1)
                .above(20.0, 100.0, "failures")
                .means("Many logins fail: a credential-stuffing attack or a broken identity provider.",
                        "Saved query auth-errors-by-user (one user or many), WAF blocked requests, the client IPs."));
        s.add(signal("payment-errors", "Payment errors",
                metric(namespace, metricName(resource, "payment-errors"), "Sum"))
                .every(300, 1, 1)
                .above(0.0, 5.0, "errors")
                .means("Payment calls (SumUp) fail: customers cannot pay.",
                        "Saved query payment-errors-by-message, the payment provider's status page, API credentials"
                                + " expiry."));
        s.add(signal("database-errors", "Database errors",
                metric(namespace, metricName(resource, "database-errors"), "Sum"))
                .every(300, 1, 1)
                .above(0.0, 10.0, "errors")
                .means("The service's database calls fail.",
                        "Saved query database-errors, the database alarms (connections, CPU), security groups and"
                                + " credentials rotation."));
        return s;
    }
}
