package io.github.opsbaseline.monitoring.alarm;

import io.github.opsbaseline.core.Numbers;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.config.ConfigProblems;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import software.amazon.awscdk.services.cloudwatch.CfnAlarm;
import software.amazon.awscdk.services.cloudwatch.CfnCompositeAlarm;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The one place alarms are made: it owns naming ({@code <project>-<env>-<resource>-<signal>-<severity>}),
 * descriptions (what it means, what to check first, at most 1,024 characters), and the alarm and OK
 * actions to the topic of the alarm's severity. Monitoring constructs only pick definitions and
 * dimensions.
 *
 * <p>Alarms are L1 {@code CfnAlarm}s: one jsii call per alarm instead of the five to eight of an L2
 * {@code Alarm} with a {@code Metric} and two {@code SnsAction}s (see the README, Monitoring for the
 * measurement). {@link BaselineAlarm} is what callers get back.
 */
public final class AlarmFactory {

    /** CloudWatch's limit on alarm descriptions. */
    public static final int MAX_DESCRIPTION = 1024;

    private static final Map<ITopic, String> TOPIC_ARNS = new WeakHashMap<>();

    private final Construct scope;
    private final AlarmOptions options;
    private final Map<Severity, List<String>> actions = new EnumMap<>(Severity.class);

    public AlarmFactory(Construct scope, AlarmOptions options) {
        this.scope = scope;
        this.options = options;
    }

    public AlarmOptions options() {
        return options;
    }

    /**
     * Creates the warning and critical alarms of each definition for one resource, applying the
     * options' overrides; signals disabled by an override are skipped.
     *
     * @param resource the resource's short name (part of each alarm name)
     * @param dimensions the resource's metric dimensions, applied to every metric, in order
     */
    public List<BaselineAlarm> create(String resource, Map<String, String> dimensions,
                                      List<SignalDefinition> definitions) {
        List<CfnAlarm.DimensionProperty> dims = new ArrayList<>();
        dimensions.forEach((k, v) -> dims.add(CfnAlarm.DimensionProperty.builder().name(k).value(v).build()));
        List<BaselineAlarm> created = new ArrayList<>();
        for (SignalDefinition given : definitions) {
            SignalDefinition def = given.overriddenBy(options.overrides().get(given.id()));
            if (def == null) {
                continue;
            }
            checkLevels(resource, def);
            if (def.warning() != null) {
                created.add(alarm(resource, def, Severity.WARNING, def.warning(), dims));
            }
            if (def.critical() != null) {
                created.add(alarm(resource, def, Severity.CRITICAL, def.critical(), dims));
            }
        }
        return created;
    }

    /**
     * Levels given in code are held to what the environment file's loader checks: none negative, and
     * the warning tier before the critical one on the bad side (a band's levels are widths, any order).
     * The file's problems are reported earlier, with their JSON path; this is for the constructs' users.
     */
    private static void checkLevels(String resource, SignalDefinition def) {
        for (Double level : new Double[] {def.warning(), def.critical()}) {
            if (level != null && (level < 0 || level.isNaN())) {
                throw new IllegalArgumentException(resource + " " + def.id() + ": expected levels of at least 0, found "
                        + Numbers.plain(level));
            }
        }
        String order = def.isBand() ? null
                : ConfigProblems.levelOrderProblem(def.warning(), def.critical(), def.direction().higherIsWorse(), "");
        if (order != null) {
            throw new IllegalArgumentException(resource + " " + def.id() + ": " + order);
        }
    }

    private BaselineAlarm alarm(String resource, SignalDefinition def, Severity severity, double threshold,
                                List<CfnAlarm.DimensionProperty> dims) {
        String name = options.names().alarmName(resource, def.id(), severity);
        CfnAlarm.Builder b = CfnAlarm.Builder.create(scope, def.id() + "-" + severity.id())
                .alarmName(name)
                .alarmDescription(description(resource, def, severity, threshold))
                .evaluationPeriods(def.evaluationPeriods())
                .datapointsToAlarm(def.datapointsToAlarm())
                .treatMissingData(def.missingData().cfn())
                .actionsEnabled(true)
                .alarmActions(actions(severity))
                .okActions(actions(severity));
        // one report of a silent metric per signal: from its warning alarm, else its critical one
        if (def.missingData().reportsSilence() && (severity == Severity.WARNING || def.warning() == null)) {
            b.insufficientDataActions(actions(Severity.WARNING));
        }
        BaselineAlarm.Kind kind = BaselineAlarm.Kind.METRIC;
        if (def.metric() instanceof MetricSpec.Single m) {
                b.namespace(m.namespace()).metricName(m.metricName()).dimensions(dims.isEmpty() ? null : dims)
                        .period(def.periodSeconds()).threshold(threshold)
                        .comparisonOperator(def.direction().operator());
                if (isPercentile(m.statistic())) {
                    b.extendedStatistic(m.statistic());
                } else {
                    b.statistic(m.statistic());
                }
        } else if (def.metric() instanceof MetricSpec.Math m) {
                List<CfnAlarm.MetricDataQueryProperty> queries = new ArrayList<>();
                queries.add(CfnAlarm.MetricDataQueryProperty.builder().id("signal").expression(m.expression())
                        .label(def.title()).returnData(true).build());
                for (int i = 0; i < m.inputs().size(); i++) {
                    queries.add(query(m.ids().get(i), m.inputs().get(i), dims, def.periodSeconds(), false));
                }
                b.metrics(queries).threshold(threshold).comparisonOperator(def.direction().operator());
        } else if (def.metric() instanceof MetricSpec.Band m) {
                kind = BaselineAlarm.Kind.ANOMALY;
                b.metrics(List.of(
                        query("m", m.metric(), dims, def.periodSeconds(), true),
                        CfnAlarm.MetricDataQueryProperty.builder().id("band")
                                .expression("ANOMALY_DETECTION_BAND(m, " + Numbers.plain(threshold) + ")")
                                .label(def.title() + " expected band").returnData(true).build()))
                        .thresholdMetricId("band")
                        .comparisonOperator(def.direction().bandOperator());
        }
        return new BaselineAlarm(name, resource, def.id(), severity, kind, b.build());
    }

    /**
     * A composite alarm over other alarms: {@code rule} uses {@code ALARM("name")} terms; the
     * children become dependencies so CloudFormation creates them first.
     */
    public BaselineAlarm composite(String resource, String signal, Severity severity, String rule,
                                   List<BaselineAlarm> children, String meaning, String checkFirst) {
        String name = options.names().alarmName(resource, signal, severity);
        String description = truncate("Composite: " + rule.replace("\"", "") + ". Means: " + meaning
                + " Check first: " + checkFirst);
        CfnCompositeAlarm alarm = CfnCompositeAlarm.Builder.create(scope,
                        String.join("-", java.util.stream.Stream.of(resource, signal, severity.id())
                                .filter(part -> !part.isEmpty()).toList()))
                .alarmName(name)
                .alarmRule(rule)
                .alarmDescription(description)
                .actionsEnabled(true)
                .alarmActions(actions(severity))
                .okActions(actions(severity))
                .build();
        for (BaselineAlarm child : children) {
            alarm.addResourceDependency(child.cfn());
        }
        return new BaselineAlarm(name, resource, signal, severity, BaselineAlarm.Kind.COMPOSITE, alarm);
    }

    /** {@code ALARM("a") AND ALARM("b")} over the given alarms, joined with {@code operator}. */
    public static String allOrAny(List<BaselineAlarm> alarms, String operator) {
        return String.join(" " + operator + " ", alarms.stream().map(a -> "ALARM(\"" + a.name() + "\")").toList());
    }

    static String description(String resource, SignalDefinition def, Severity severity, double threshold) {
        String condition = def.isBand()
                ? def.title() + " " + def.direction().words() + " its expected band (width " + Numbers.plain(threshold)
                    + " standard deviations)"
                : def.title() + " " + def.direction().words() + " " + Numbers.plain(threshold) + unit(def.unit());
        String text = severity.id().toUpperCase(Locale.ROOT) + " " + resource + ": " + condition + " in "
                + def.datapointsToAlarm() + " of " + def.evaluationPeriods() + " periods of "
                + def.periodSeconds() + " s. Means: " + def.meaning() + " Check first: " + def.checkFirst();
        return truncate(text);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 3) + "...";
    }

    private static String unit(String unit) {
        return unit.isEmpty() ? "" : unit.equals("%") ? "%" : " " + unit;
    }

    private static CfnAlarm.MetricDataQueryProperty query(String id, MetricSpec.Single m,
                                                          List<CfnAlarm.DimensionProperty> dims, int period,
                                                          boolean returnData) {
        return CfnAlarm.MetricDataQueryProperty.builder()
                .id(id)
                .returnData(returnData)
                .metricStat(CfnAlarm.MetricStatProperty.builder()
                        .metric(CfnAlarm.MetricProperty.builder().namespace(m.namespace())
                                .metricName(m.metricName()).dimensions(dims.isEmpty() ? null : dims).build())
                        .period(period)
                        .stat(m.statistic())
                        .build())
                .build();
    }

    private List<String> actions(Severity severity) {
        return actions.computeIfAbsent(severity, s -> List.of(topicArn(options.topics().topic(s))));
    }

    /**
     * A topic's ARN token, read from node once per topic rather than once per factory: a factory
     * lives per resource, so this saves about nine jsii round trips per monitored service. The
     * token of a topic never changes.
     */
    private static String topicArn(ITopic topic) {
        synchronized (TOPIC_ARNS) {
            return TOPIC_ARNS.computeIfAbsent(topic, ITopic::getTopicArn);
        }
    }

    private static boolean isPercentile(String statistic) {
        return statistic.matches("p\\d+(\\.\\d+)?");
    }

    /** A threshold as written by a person: 80 not 80.0. */
}
