package io.github.opsbaseline.monitoring.cache;

import io.github.opsbaseline.monitoring.alarm.AlarmOptions;
import java.util.Objects;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;

/**
 * Props of {@link CacheAlarms}.
 *
 * @param options naming, topics and threshold overrides; required
 * @param resourceName the cache's short name in alarm names, e.g. {@code cache-sessions}; required
 * @param replicationGroupId the replication group id (a token is fine); required
 * @param nodes number of nodes (primary + replicas) of a cluster-mode-disabled group; nodes are
 *     {@code <id>-001}, {@code <id>-002}, ...; default 1
 */
public record CacheAlarmsProps(AlarmOptions options, String resourceName, String replicationGroupId, Integer nodes) {

    public CacheAlarmsProps {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(replicationGroupId, "replicationGroupId");
        nodes = nodes == null ? 1 : nodes;
        if (nodes < 1 || nodes > 500) {
            throw new IllegalArgumentException("nodes must be 1 to 500, got " + nodes);
        }
    }

    /** Props for a replication group of your own stack (its {@code numCacheClusters} gives the nodes). */
    public static CacheAlarmsProps forReplicationGroup(AlarmOptions options, String resourceName,
                                                       CfnReplicationGroup group) {
        Number n = group.getNumCacheClusters();
        return new CacheAlarmsProps(options, resourceName, group.getRef(), n == null ? 1 : n.intValue());
    }
}
