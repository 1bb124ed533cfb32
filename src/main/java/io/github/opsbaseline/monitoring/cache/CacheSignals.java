package io.github.opsbaseline.monitoring.cache;

import static io.github.opsbaseline.monitoring.alarm.MetricSpec.math;
import static io.github.opsbaseline.monitoring.alarm.MetricSpec.metric;
import static io.github.opsbaseline.monitoring.alarm.SignalDefinition.signal;

import io.github.opsbaseline.monitoring.alarm.SignalDefinition;
import java.util.ArrayList;
import java.util.List;

/** The alarm catalogue of an ElastiCache Redis / Valkey node (dimension {@code CacheClusterId}). */
public final class CacheSignals {

    private CacheSignals() { }

    public static final String KIND = "cache";
    private static final String NS = "AWS/ElastiCache";

    /** Every signal id this kind can have, for config validation. */
    public static final List<String> IDS = List.of("available", "engine-cpu", "memory", "evictions", "connections",
            "hit-rate", "replication-lag");

    /** The signals of one node; replication lag only when the group has replicas. */
    public static List<SignalDefinition> forNode(boolean hasReplicas) {
        List<SignalDefinition> s = new ArrayList<>(List.of(
                SignalDefinition.available(NS, "EngineCPUUtilization",
                        "The node has published no metrics for 5 minutes: it failed, is being replaced,"
                                + " or was removed from the group.",
                        "The replication group's events and node status, a failover to a replica, and"
                                + " `nodes` in the config if the group was made smaller."),
                signal("engine-cpu", "Engine CPU utilization", metric(NS, "EngineCPUUtilization", "Average"))
                        .above(70.0, 90.0, "%")
                        .means("The Redis thread is busy; every command waits.",
                                "Slow log (SLOWLOG GET), KEYS/SCAN-heavy code, large values, hot keys."),
                signal("memory", "Memory used", metric(NS, "DatabaseMemoryUsagePercentage", "Average"))
                        .above(80.0, 90.0, "%")
                        .means("The cache is nearly full; keys are evicted or writes fail (noeviction).",
                                "Keys without TTL, maxmemory-policy, the evictions alarm; scale the node type."),
                signal("evictions", "Evictions", metric(NS, "Evictions", "Sum"))
                        .above(100.0, 1000.0, "keys")
                        .means("Keys are evicted for memory; sessions and cached data disappear early.",
                                "The memory alarm, TTLs, and whether sessions live in this cache."),
                signal("connections", "Current connections", metric(NS, "CurrConnections", "Maximum"))
                        .above(5000.0, 10000.0, "connections")
                        .means("Unusually many client connections; clients leak or reconnect in a loop.",
                                "Client pool settings and task counts, NewConnections for reconnect storms."),
                signal("hit-rate", "Cache hit rate",
                        math("IF(hits + misses > 0, 100 * hits / (hits + misses), 100)",
                                "hits", metric(NS, "CacheHits", "Sum"),
                                "misses", metric(NS, "CacheMisses", "Sum")))
                        .every(300, 3, 3)
                        .below(80.0, 50.0, "%")
                        .means("Most reads miss the cache and go to the database.",
                                "Evictions, a recent flush or failover, key naming changes in a deployment.")));
        if (hasReplicas) {
            s.add(signal("replication-lag", "Replication lag", metric(NS, "ReplicationLag", "Maximum"))
                    .above(5.0, 30.0, "s")
                    .means("Replicas are behind the primary; reads from them are stale.",
                            "Write volume on the primary, network throughput, the replica's engine CPU."));
        }
        return s;
    }
}
