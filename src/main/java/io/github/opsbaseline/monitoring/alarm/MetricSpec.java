package io.github.opsbaseline.monitoring.alarm;

import java.util.List;

/**
 * What an alarm watches, without the dimensions: the resource's dimensions are applied to every
 * metric when the alarm is bound to a resource, so one definition serves every resource of a kind.
 */
public sealed interface MetricSpec {

    /** One CloudWatch metric and statistic ({@code Average}, {@code Sum}, {@code p99}, ...). */
    record Single(String namespace, String metricName, String statistic) implements MetricSpec { }

    /** A metric-math expression over named inputs (at most 10, CloudWatch's limit for alarms). */
    record Math(String expression, List<Single> inputs, List<String> ids) implements MetricSpec {
        public Math {
            inputs = List.copyOf(inputs);
            ids = List.copyOf(ids);
            if (inputs.size() != ids.size() || inputs.isEmpty() || inputs.size() > 10) {
                throw new IllegalArgumentException("a math alarm needs 1 to 10 inputs, each with an id");
            }
        }
    }

    /** An anomaly-detection band around one metric; the alarm's threshold is the band width. */
    record Band(Single metric) implements MetricSpec { }

    static Single metric(String namespace, String metricName, String statistic) {
        return new Single(namespace, metricName, statistic);
    }

    /** {@code math("100 * e / r", "e", metric(...), "r", metric(...))}: ids and inputs alternate. */
    static Math math(String expression, Object... idsAndInputs) {
        List<String> ids = new java.util.ArrayList<>();
        List<Single> inputs = new java.util.ArrayList<>();
        for (int i = 0; i < idsAndInputs.length; i += 2) {
            ids.add((String) idsAndInputs[i]);
            inputs.add((Single) idsAndInputs[i + 1]);
        }
        return new Math(expression, inputs, ids);
    }
}
