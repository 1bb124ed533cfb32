package io.github.opsbaseline.monitoring.database;

import io.github.opsbaseline.core.Numbers;
import static io.github.opsbaseline.monitoring.alarm.MetricSpec.math;
import static io.github.opsbaseline.monitoring.alarm.MetricSpec.metric;
import static io.github.opsbaseline.monitoring.alarm.SignalDefinition.signal;

import io.github.opsbaseline.config.WorkloadConfig.DatabaseEngine;
import io.github.opsbaseline.monitoring.alarm.AlarmFactory;
import io.github.opsbaseline.monitoring.alarm.SignalDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The alarm catalogue of an RDS instance or Aurora cluster. Which signals apply depends on what is
 * known about the database: memory and storage size turn absolute floors into percentages, max
 * connections enables the connections alarm, replicas get replica lag (and MySQL and MariaDB replicas
 * a stopped-replication alarm), PostgreSQL gets transaction-id wraparound.
 */
public final class DatabaseSignals {

    private DatabaseSignals() { }

    public static final String KIND = "database";
    private static final String NS = "AWS/RDS";
    private static final double GIB = 1024.0 * 1024 * 1024;

    /** Every signal id this kind can have, for config validation. */
    public static final List<String> IDS = List.of("available", "cpu", "memory", "freeable-memory", "connections",
            "free-storage", "read-latency", "write-latency", "replica-lag", "replication-stopped", "transaction-ids");

    /** The facts that decide the signals. */
    public record Facts(DatabaseEngine engine, boolean cluster, Double memoryGiB, Integer maxConnections,
                        Integer storageGiB, boolean readReplica) { }

    static final List<String> DEGRADING = List.of(
            "cpu", "memory", "freeable-memory", "connections",
            "read-latency", "write-latency", "free-storage");

    /** Whether a signal's critical alarm is part of "degraded". */
    public static boolean degrading(String signal) {
        return DEGRADING.contains(signal);
    }

    /**
     * Whether an Aurora cluster publishes this signal's metric for the cluster as a whole
     * ({@code AuroraReplicaLagMaximum}); the others are per instance, and a cluster alarm reads the
     * writer's ({@code Role=WRITER}) rather than an average over writer and readers that hides it.
     */
    public static boolean clusterLevel(String signal) {
        return signal.equals("replica-lag");
    }

    /** The signals of a database with these facts, in catalogue order. */
    public static List<SignalDefinition> forDatabase(Facts f) {
        List<SignalDefinition> s = new ArrayList<>();
        // "DB down" (seed 000: critical): without it a stopped database would leave every alarm OK
        s.add(SignalDefinition.available(NS, "CPUUtilization",
                "The database has published no metrics for 5 minutes: it is stopped, failed over without"
                        + " a writer, being restored, or unreachable.",
                "The RDS events and status of the instance or cluster, a maintenance or storage-full"
                        + " stop, and the services' database-errors."));
        s.add(signal("cpu", "CPU utilization", metric(NS, "CPUUtilization", "Average"))
                .above(75.0, 90.0, "%")
                .means("The database is CPU bound; every query slows down.",
                        "Performance Insights top SQL, missing indexes, long-running queries (pg_stat_activity),"
                                + " a traffic spike or a batch job."));
        if (f.memoryGiB() != null) {
            s.add(signal("memory", "Memory used",
                    math("100 * (1 - free / " + Numbers.plain(f.memoryGiB() * GIB) + ")",
                            "free", metric(NS, "FreeableMemory", "Average")))
                    .above(85.0, 95.0, "%")
                    .means("Little memory is left for caches and connections; the database starts swapping.",
                            "Connection count (each costs memory), work_mem / buffer settings, SwapUsage."));
        } else {
            s.add(signal("freeable-memory", "Freeable memory",
                    math("free / 1048576", "free", metric(NS, "FreeableMemory", "Average")))
                    .below(512.0, 256.0, "MiB")
                    .means("Little memory is left for caches and connections; the database starts swapping.",
                            "Connection count, SwapUsage; set memoryGiB in the config for a percentage alarm."));
        }
        if (f.maxConnections() != null) {
            s.add(signal("connections", "Connections (share of max_connections)",
                    math("100 * conn / " + f.maxConnections(), "conn", metric(NS, "DatabaseConnections", "Maximum")))
                    .above(80.0, 90.0, "%")
                    .means("The database is close to max_connections; new connections will be refused.",
                            "Connection pool sizes of the services times their task count, idle connections,"
                                    + " a connection leak after a deployment."));
        }
        if (!f.engine().isAurora()) {
            if (f.storageGiB() != null) {
                s.add(signal("free-storage", "Free storage",
                        math("100 * free / " + Numbers.plain(f.storageGiB() * GIB),
                                "free", metric(NS, "FreeStorageSpace", "Minimum")))
                        .below(20.0, 10.0, "% free")
                        .means("The volume is filling up; at zero the database stops accepting writes.",
                                "Table and index growth, logs and temp files, storage autoscaling settings."));
            } else {
                s.add(signal("free-storage", "Free storage",
                        math("free / 1073741824", "free", metric(NS, "FreeStorageSpace", "Minimum")))
                        .below(10.0, 5.0, "GiB")
                        .means("The volume is filling up; at zero the database stops accepting writes.",
                                "Table and index growth, logs and temp files; set storageGiB for a percentage alarm."));
            }
        }
        s.add(signal("read-latency", "Read latency p90", metric(NS, "ReadLatency", "p90"))
                .above(0.02, 0.1, "s")
                .means("Reads wait on storage; queries slow down.",
                        "ReadIOPS against the volume's limit, burst balance, queries doing full scans."));
        s.add(signal("write-latency", "Write latency p90", metric(NS, "WriteLatency", "p90"))
                .above(0.02, 0.1, "s")
                .means("Writes wait on storage; commits slow down.",
                        "WriteIOPS against the volume's limit, burst balance, checkpoints, bulk loads."));
        if (f.readReplica()) {
            if (f.engine().isAurora()) {
                s.add(signal("replica-lag", "Replica lag",
                        math("lag / 1000", "lag", metric(NS, "AuroraReplicaLagMaximum", "Maximum")))
                        .above(1.0, 10.0, "s")
                        .means("Replicas serve stale data.", "Write load on the writer, replica instance size."));
            } else if (f.engine().isPostgres()) {
                // RDS for PostgreSQL measures lag as now minus the last replayed commit, so a replica of an
                // idle primary reports lag climbing to 5 minutes until RDS switches WAL segments (AWS,
                // "Read replica limitations with PostgreSQL"): the maximum of a quiet 5-minute period is
                // near 300 s though nothing is behind. The period's lowest value stays under a minute
                // while the replica keeps up, and real lag lifts it.
                s.add(signal("replica-lag", "Replica lag (lowest in the period)", metric(NS, "ReplicaLag", "Minimum"))
                        .above(120.0, 300.0, "s")
                        .means("The replica serves stale data and falls further behind.",
                                "Write load on the primary, the replica's CPU and IOPS, long queries on the replica."));
            } else {
                s.add(signal("replica-lag", "Replica lag", metric(NS, "ReplicaLag", "Maximum"))
                        .above(30.0, 300.0, "s")
                        .means("The replica serves stale data and falls further behind.",
                                "Write load on the primary, the replica's CPU and IOPS, long queries on the replica."));
                if (f.engine() == DatabaseEngine.MYSQL || f.engine() == DatabaseEngine.MARIADB) {
                    // MySQL and MariaDB replicas publish ReplicaLag -1 while replication is not running
                    // (Seconds_Behind_Master NULL), which replica-lag's "above" never sees.
                    s.add(signal("replication-stopped", "Replica lag (-1: replication not running)",
                            metric(NS, "ReplicaLag", "Minimum"))
                            .every(60, 5, 5)
                            .below(null, 0.0, "s")
                            .means("Replication on this replica has stopped: it serves data that no longer changes.",
                                    "The replica's Replication Error in the RDS console and its events (SQL thread"
                                            + " errors, writes on the replica, a full disk), then restart replication."));
                }
            }
        }
        if (f.engine().isPostgres()) {
            s.add(signal("transaction-ids", "Used transaction ids", metric(NS, "MaximumUsedTransactionIDs", "Maximum"))
                    .above(1.0e9, 1.5e9, "ids")
                    .means("PostgreSQL nears transaction-id wraparound (2^31); it will stop accepting writes.",
                            "Autovacuum progress, long-open transactions and abandoned replication slots."));
        }
        return s;
    }
}
