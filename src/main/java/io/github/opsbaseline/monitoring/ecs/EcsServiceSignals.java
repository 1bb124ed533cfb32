package io.github.opsbaseline.monitoring.ecs;

import static io.github.opsbaseline.monitoring.alarm.MetricSpec.math;
import static io.github.opsbaseline.monitoring.alarm.MetricSpec.metric;
import static io.github.opsbaseline.monitoring.alarm.SignalDefinition.signal;

import io.github.opsbaseline.monitoring.alarm.MissingData;
import io.github.opsbaseline.monitoring.alarm.SignalDefinition;
import java.util.List;

/** The alarm catalogue of an ECS service (dimensions {@code ClusterName}, {@code ServiceName}). */
public final class EcsServiceSignals {

    private EcsServiceSignals() { }

    public static final String KIND = "service";

    /** CPU and memory from AWS/ECS; running below desired from Container Insights. */
    public static final List<SignalDefinition> ALL = List.of(
            signal("cpu", "CPU utilization", metric("AWS/ECS", "CPUUtilization", "Average"))
                    .above(80.0, 90.0, "%")
                    .means("The service's tasks use most of their CPU reservation; requests queue and latency rises.",
                            "CPU by task in Container Insights, a recent deployment, a traffic spike on the dashboard;"
                                    + " scale out (desired count) or raise the task CPU."),
            signal("memory", "Memory utilization", metric("AWS/ECS", "MemoryUtilization", "Average"))
                    .above(80.0, 90.0, "%")
                    .means("The tasks are close to their memory limit; at 100% ECS kills them (OOM, exit code 137).",
                            "Stopped tasks' reasons (OutOfMemory), memory growth since the last deployment (a leak),"
                                    + " caches held in process; raise task memory or fix the leak."),
            signal("running-tasks", "Tasks missing (share of desired not running)",
                    math("IF(desired > 0, 100 * (desired - running) / desired, 0)",
                            "running", metric("ECS/ContainerInsights", "RunningTaskCount", "Average"),
                            "desired", metric("ECS/ContainerInsights", "DesiredTaskCount", "Average")))
                    .every(60, 5, 5)
                    .above(0.0, 49.0, "%")
                    // INSUFFICIENT_DATA here means Container Insights is off for the cluster.
                    .missing(MissingData.MISSING)
                    .means("Fewer tasks run than the service wants: tasks fail to start, crash or fail health checks.",
                            "The service's events tab (\"unable to place\", failed health checks), stopped tasks'"
                                    + " exit codes and the service log group's last errors."));
}
