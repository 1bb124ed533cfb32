package io.github.opsbaseline.cli;

import static io.github.opsbaseline.operations.StatusReaderPermissions.CLOUDWATCH_DESCRIBE_ALARMS;

import io.github.opsbaseline.cli.StatusReport.Alarm;
import io.github.opsbaseline.monitoring.AlarmCatalogue;
import io.github.opsbaseline.monitoring.MonitoredWorkload;
import io.github.opsbaseline.monitoring.MonitoringSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** The environment's alarms in state ALARM (metric and composite), critical first, then by name. */
final class AlarmsReader {

    static final String SECTION = "alarms";
    private static final List<String> SEVERITIES = List.of("critical", "warning", "info");

    private AlarmsReader() { }

    /** The alarms in ALARM, or null when they could not be read (the problem is recorded). */
    static List<Alarm> read(ReadContext ctx) {
        List<Alarm> alarms = new ArrayList<>();
        Set<String> catalogue = catalogue(ctx);
        String token = null;
        try {
            do {
                DescribeAlarmsRequest request = DescribeAlarmsRequest.builder()
                        .alarmNamePrefix(ctx.targets().alarmPrefix())
                        .stateValue(StateValue.ALARM)
                        .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM)
                        .maxRecords(100)
                        .nextToken(token)
                        .build();
                DescribeAlarmsResponse page = ctx.calls().call(SECTION, CLOUDWATCH_DESCRIBE_ALARMS,
                        () -> ctx.aws().cloudWatch().describeAlarms(request));
                page.metricAlarms().stream().filter(a -> owns(ctx, catalogue, a.alarmName()))
                        .forEach(a -> alarms.add(new Alarm(a.alarmName(), severity(a.alarmName()), "metric",
                                Times.iso(since(a.stateTransitionedTimestamp(), a.stateUpdatedTimestamp())),
                                ApiCalls.firstLine(a.stateReason()))));
                page.compositeAlarms().stream().filter(a -> owns(ctx, catalogue, a.alarmName()))
                        .forEach(a -> alarms.add(new Alarm(a.alarmName(), severity(a.alarmName()), "composite",
                                Times.iso(since(a.stateTransitionedTimestamp(), a.stateUpdatedTimestamp())),
                                ApiCalls.firstLine(a.stateReason()))));
                token = page.nextToken();
            } while (token != null);
        } catch (ApiCalls.Failed e) {
            ctx.calls().report(e.problem());
            return null;
        }
        alarms.sort(Comparator.comparingInt((Alarm a) -> rank(a.severity())).thenComparing(Alarm::name));
        return alarms;
    }

    /**
     * When the alarm went into ALARM: StateTransitionedTimestamp, which only a change of state moves;
     * StateUpdatedTimestamp also moves when a composite's children or a metric alarm's evaluation state
     * change, so it is the fallback for a response without the first.
     */
    static java.time.Instant since(java.time.Instant transitioned, java.time.Instant updated) {
        return transitioned != null ? transitioned : updated;
    }

    /**
     * Whether an alarm the name prefix found is this environment's: the prefix of {@code dev} also
     * finds {@code dev-eu}'s alarms, so one under another environment's longer prefix is that
     * environment's, unless this environment's monitoring creates it (dev's {@code api-gateway}
     * alarms also start with {@code dev-api}'s prefix).
     */
    private static boolean owns(ReadContext ctx, Set<String> catalogue, String alarmName) {
        String own = ctx.targets().alarmPrefix();
        return catalogue.contains(alarmName) || ctx.otherEnvironments().stream()
                .map(env -> ctx.config().project() + "-" + env + "-")
                .noneMatch(other -> other.length() > own.length() && alarmName.startsWith(other));
    }

    /** The full names of the alarms the monitoring stack creates for this environment. */
    private static Set<String> catalogue(ReadContext ctx) {
        String prefix = ctx.targets().alarmPrefix();
        Set<String> names = new HashSet<>();
        AlarmCatalogue.shortNames(MonitoredWorkload.fromConfig(ctx.config()), MonitoringSettings.fromConfig(ctx.config()))
                .forEach(n -> names.add(prefix + n));
        return names;
    }

    /** The severity from the naming scheme's last part ({@code ...-critical}); "unknown" otherwise. */
    static String severity(String alarmName) {
        String last = alarmName.substring(alarmName.lastIndexOf('-') + 1).toLowerCase(Locale.ROOT);
        return SEVERITIES.contains(last) ? last : "unknown";
    }

    private static int rank(String severity) {
        int i = SEVERITIES.indexOf(severity);
        return i < 0 ? SEVERITIES.size() : i;
    }

    static boolean anyCritical(List<Alarm> alarms) {
        return alarms != null && alarms.stream().anyMatch(a -> a.severity().equals("critical"));
    }
}
