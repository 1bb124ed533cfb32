package io.github.opsbaseline.monitoring.database;

import io.github.opsbaseline.config.WorkloadConfig.DatabaseEngine;
import io.github.opsbaseline.monitoring.alarm.AlarmOptions;
import java.util.Objects;
import software.amazon.awscdk.services.rds.IDatabaseCluster;
import software.amazon.awscdk.services.rds.IDatabaseInstance;

/**
 * Props of {@link DatabaseAlarms}.
 *
 * @param options naming, topics and threshold overrides; required
 * @param resourceName the database's short name in alarm names, e.g. {@code db-main}; required
 * @param identifier the DB instance or cluster identifier (a token is fine); required
 * @param facts engine, cluster or instance, memory, max connections, storage, replica; required
 * @param degraded whether to add the "database degraded" composite; default true
 */
public record DatabaseAlarmsProps(AlarmOptions options, String resourceName, String identifier,
                                  DatabaseSignals.Facts facts, Boolean degraded) {

    public DatabaseAlarmsProps {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(facts, "facts");
        degraded = degraded == null || degraded;
    }

    /**
     * Props for an instance of your own stack; give memory, max connections and storage when you
     * know them (null for unknown).
     */
    public static DatabaseAlarmsProps forInstance(AlarmOptions options, String resourceName, IDatabaseInstance instance,
                                                  DatabaseEngine engine, Double memoryGiB, Integer maxConnections,
                                                  Integer storageGiB, boolean readReplica) {
        return new DatabaseAlarmsProps(options, resourceName, instance.getInstanceIdentifier(),
                new DatabaseSignals.Facts(engine, false, memoryGiB, maxConnections, storageGiB, readReplica), null);
    }

    /** Props for an Aurora cluster of your own stack. */
    public static DatabaseAlarmsProps forCluster(AlarmOptions options, String resourceName, IDatabaseCluster cluster,
                                                 DatabaseEngine engine, Double memoryGiB, Integer maxConnections,
                                                 boolean hasReplicas) {
        return new DatabaseAlarmsProps(options, resourceName, cluster.getClusterIdentifier(),
                new DatabaseSignals.Facts(engine, true, memoryGiB, maxConnections, null, hasReplicas), null);
    }
}
