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
 * @param nodes number of nodes (primary + replicas) of a cluster-mode-disabled group, 1 to 6 (a primary
 *     and at most 5 replicas); nodes are {@code <id>-001}, {@code <id>-002}, ...; default 1
 */
public record CacheAlarmsProps(AlarmOptions options, String resourceName, String replicationGroupId, Integer nodes) {

    public CacheAlarmsProps {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(replicationGroupId, "replicationGroupId");
        nodes = nodes == null ? 1 : nodes;
        // a node that cannot exist would publish nothing, and its "available" alarm would page for ever
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("nodes must be 1 to " + MAX_NODES + " (a primary and at most 5 replicas), got " + nodes);
        }
    }

    /** Nodes of a cluster-mode-disabled replication group: a primary and up to 5 replicas. */
    public static final int MAX_NODES = 6;

    /**
     * Props for a replication group of your own stack, its nodes from {@code numCacheClusters}.
     *
     * @throws IllegalArgumentException when the group is sized by node groups ({@code numNodeGroups},
     *     {@code replicasPerNodeGroup} or {@code nodeGroupConfiguration}): these alarms name nodes
     *     {@code <id>-00n}, which such a group's settings do not tell apart from a cluster-mode group's
     *     {@code <id>-000n-00m}, and counting it as 1 node would leave its replicas unwatched; give
     *     the node count to the constructor instead
     */
    public static CacheAlarmsProps forReplicationGroup(AlarmOptions options, String resourceName,
                                                       CfnReplicationGroup group) {
        Number n = group.getNumCacheClusters();
        if (n == null && (group.getNumNodeGroups() != null || group.getReplicasPerNodeGroup() != null
                || group.getNodeGroupConfiguration() != null)) {
            throw new IllegalArgumentException("replication group " + group.getNode().getPath() + " is sized by node groups"
                    + " (numNodeGroups, replicasPerNodeGroup or nodeGroupConfiguration), not numCacheClusters, so its node ids"
                    + " cannot be told from it: pass its node count to new CacheAlarmsProps(options, resourceName,"
                    + " replicationGroupId, nodes)");
        }
        return new CacheAlarmsProps(options, resourceName, group.getRef(), n == null ? 1 : n.intValue());
    }
}
