package io.github.opsbaseline.cli;

import static io.github.opsbaseline.operations.StatusReaderPermissions.ELASTICACHE_DESCRIBE_REPLICATION_GROUPS;
import static io.github.opsbaseline.operations.StatusReaderPermissions.RDS_DESCRIBE_DB_CLUSTERS;
import static io.github.opsbaseline.operations.StatusReaderPermissions.RDS_DESCRIBE_DB_INSTANCES;

import io.github.opsbaseline.cli.LatestMetrics.Reduce;
import io.github.opsbaseline.cli.StatusReport.Cache;
import io.github.opsbaseline.cli.StatusReport.Database;
import io.github.opsbaseline.cli.StatusReport.Infra;
import io.github.opsbaseline.cli.StatusReport.Waf;
import io.github.opsbaseline.config.WorkloadConfig.CacheConfig;
import io.github.opsbaseline.config.WorkloadConfig.DatabaseConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The infra section: databases and caches (status from their APIs, latest metrics from one
 * GetMetricData), WAF blocked requests, GuardDuty findings, Config rules, backup vaults.
 */
final class InfraReader {

    static final String SECTION = "infra";
    private static final double GIB = 1024.0 * 1024 * 1024;

    private InfraReader() { }

    static Infra read(ReadContext ctx) {
        LatestMetrics metrics = new LatestMetrics();
        Map<String, String> dbStatus = new LinkedHashMap<>();
        for (DatabaseConfig db : ctx.config().workload().databases()) {
            dbStatus.put(db.name(), databaseStatus(ctx, db));
            String dimension = db.isCluster() ? "DBClusterIdentifier" : "DBInstanceIdentifier";
            for (String metric : List.of("CPUUtilization", "FreeableMemory", "DatabaseConnections", "FreeStorageSpace")) {
                metrics.add("db/" + db.name() + "/" + metric, "AWS/RDS", metric, "Average", Reduce.LATEST, dimension, db.identifier());
            }
        }
        Map<String, List<String>> cacheNodes = new LinkedHashMap<>();
        Map<String, String> cacheStatus = new LinkedHashMap<>();
        for (CacheConfig cache : ctx.config().workload().caches()) {
            var group = replicationGroup(ctx, cache);
            cacheStatus.put(cache.name(), group == null ? "unknown" : group.status());
            List<String> nodes = group == null ? List.of() : group.memberClusters();
            cacheNodes.put(cache.name(), nodes);
            for (String node : nodes) {
                for (String metric : List.of("EngineCPUUtilization", "DatabaseMemoryUsagePercentage", "CurrConnections")) {
                    metrics.add("cache/" + cache.name() + "/" + node + "/" + metric, "AWS/ElastiCache", metric, "Average",
                            Reduce.LATEST, "CacheClusterId", node);
                }
            }
        }
        String region = ctx.config().region();
        // no web ACL when the environment turns the WAF off: nothing to read, and waf is null, not 0 blocked
        boolean waf = region != null && ctx.config().security().waf().enabled();
        if (waf) {
            metrics.add("waf/blocked", "AWS/WAFV2", "BlockedRequests", "Sum", Reduce.SUM,
                    "WebACL", ctx.targets().webAclName(), "Region", region, "Rule", "ALL");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        boolean metricsRead = true;
        if (!metrics.isEmpty()) {
            try {
                values = metrics.read(ctx.calls(), SECTION, ctx.aws().cloudWatch(), ctx.now());
            } catch (ApiCalls.Failed e) {
                metricsRead = false;
                ctx.calls().report(e.problem());
            }
        }
        List<Database> databases = new ArrayList<>();
        for (DatabaseConfig db : ctx.config().workload().databases()) {
            databases.add(database(db, dbStatus.get(db.name()), values));
        }
        List<Cache> caches = new ArrayList<>();
        for (CacheConfig cache : ctx.config().workload().caches()) {
            caches.add(cache(cache, cacheStatus.get(cache.name()), cacheNodes.get(cache.name()), values));
        }
        return new Infra(databases, caches,
                waf ? new Waf(ctx.targets().webAclName(), values.get("waf/blocked") == null ? null
                        : Math.round(values.get("waf/blocked")), metricsRead) : null,
                SecurityFindingsReader.guardDuty(ctx),
                SecurityFindingsReader.configRules(ctx),
                BackupReader.read(ctx));
    }

    private static String databaseStatus(ReadContext ctx, DatabaseConfig db) {
        try {
            if (db.isCluster()) {
                return ctx.calls().call(SECTION, RDS_DESCRIBE_DB_CLUSTERS,
                        () -> ctx.aws().rds().describeDBClusters(r -> r.dbClusterIdentifier(db.clusterId()))).dbClusters().stream()
                        .findFirst().map(c -> c.status()).orElse("not found");
            }
            return ctx.calls().call(SECTION, RDS_DESCRIBE_DB_INSTANCES,
                    () -> ctx.aws().rds().describeDBInstances(r -> r.dbInstanceIdentifier(db.instanceId()))).dbInstances().stream()
                    .findFirst().map(i -> i.dbInstanceStatus()).orElse("not found");
        } catch (ApiCalls.Failed e) {
            ctx.calls().report(e.problem());
            return e.problem().kind().equals("not-found") ? "not found" : "unknown";
        }
    }

    private static software.amazon.awssdk.services.elasticache.model.ReplicationGroup replicationGroup(ReadContext ctx, CacheConfig cache) {
        try {
            return ctx.calls().call(SECTION, ELASTICACHE_DESCRIBE_REPLICATION_GROUPS,
                    () -> ctx.aws().elastiCache().describeReplicationGroups(r -> r.replicationGroupId(cache.replicationGroupId())))
                    .replicationGroups().stream().findFirst().orElse(null);
        } catch (ApiCalls.Failed e) {
            ctx.calls().report(e.problem());
            return null;
        }
    }

    private static Database database(DatabaseConfig db, String status, Map<String, Double> values) {
        String key = "db/" + db.name() + "/";
        Double cpu = values.get(key + "CPUUtilization");
        Double freeable = values.get(key + "FreeableMemory");
        Double connections = values.get(key + "DatabaseConnections");
        Double freeStorage = values.get(key + "FreeStorageSpace");
        Double memoryUsed = freeable == null || db.memoryGiB() == null ? null : 100 * (1 - freeable / GIB / db.memoryGiB());
        Double connectionsPct = connections == null || db.maxConnections() == null ? null : 100 * connections / db.maxConnections();
        Double storagePct = freeStorage == null || db.storageGiB() == null ? null : 100 * freeStorage / GIB / db.storageGiB();
        return new Database(db.name(), db.identifier(), db.isCluster() ? "cluster" : "instance", status,
                Times.round(cpu, 1), Times.round(freeable == null ? null : freeable / GIB, 1), Times.round(memoryUsed, 1),
                connections == null ? null : (int) Math.round(connections), Times.round(connectionsPct, 1),
                Times.round(freeStorage == null ? null : freeStorage / GIB, 1), Times.round(storagePct, 1));
    }

    private static Cache cache(CacheConfig cache, String status, List<String> nodes, Map<String, Double> values) {
        Double cpu = null;
        Double memory = null;
        Double connections = null;
        for (String node : nodes) {
            String key = "cache/" + cache.name() + "/" + node + "/";
            cpu = max(cpu, values.get(key + "EngineCPUUtilization"));
            memory = max(memory, values.get(key + "DatabaseMemoryUsagePercentage"));
            Double c = values.get(key + "CurrConnections");
            if (c != null) {
                connections = connections == null ? c : Double.valueOf(connections + c);
            }
        }
        return new Cache(cache.name(), cache.replicationGroupId(), status, nodes.isEmpty() ? null : nodes.size(),
                Times.round(cpu, 1), Times.round(memory, 1), connections == null ? null : (int) Math.round(connections));
    }

    private static Double max(Double a, Double b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.max(a, b);
    }

}
