package io.github.opsbaseline.monitoring;

import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.config.MonitoringConfig;
import io.github.opsbaseline.config.MonitoringConfig.AlarmOverride;
import io.github.opsbaseline.config.WorkloadConfig;
import io.github.opsbaseline.monitoring.database.DatabaseSignals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@link MonitoringStack} watches, as typed values (names, dimensions, facts, and each
 * resource's resolved alarm overrides). Build it by hand, or from an environment file with
 * {@link #fromConfig(EnvironmentConfig)}.
 *
 * @param services ECS services, each with its log group and optional target group and health URL
 * @param loadBalancers application load balancers
 * @param databases RDS instances or Aurora clusters
 * @param caches ElastiCache replication groups
 */
public record MonitoredWorkload(List<Service> services, List<LoadBalancer> loadBalancers, List<Database> databases,
                                List<Cache> caches) {

    public MonitoredWorkload {
        services = services == null ? List.of() : List.copyOf(services);
        loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        databases = databases == null ? List.of() : List.copyOf(databases);
        caches = caches == null ? List.of() : List.copyOf(caches);
    }

    public static MonitoredWorkload empty() {
        return new MonitoredWorkload(null, null, null, null);
    }

    /**
     * An ECS service.
     *
     * @param name short name, the resource part of its alarm names
     * @param clusterName ECS cluster name
     * @param serviceName ECS service name
     * @param logGroupName its log group
     * @param loadBalancerFullName {@code app/<name>/<id>} of its load balancer, or null
     * @param targetGroupFullName {@code targetgroup/<name>/<id>}, or null (no target-group alarms)
     * @param healthUrl URL a canary calls, or null
     * @param overrides alarm levels by signal id
     */
    public record Service(String name, String clusterName, String serviceName, String logGroupName,
                          String loadBalancerFullName, String targetGroupFullName, String healthUrl,
                          Map<String, AlarmOverride> overrides) {
        public Service {
            overrides = MonitoringConfig.sorted(overrides);
        }
    }

    /** A load balancer: short name ({@code alb-<name>}), {@code app/<name>/<id>}, overrides. */
    public record LoadBalancer(String name, String fullName, Map<String, AlarmOverride> overrides) {
        public LoadBalancer {
            overrides = MonitoringConfig.sorted(overrides);
        }
    }

    /** A database: short name ({@code db-<name>}), identifier, facts, overrides. */
    public record Database(String name, String identifier, DatabaseSignals.Facts facts,
                           Map<String, AlarmOverride> overrides) {
        public Database {
            overrides = MonitoringConfig.sorted(overrides);
        }
    }

    /** A cache: short name ({@code cache-<name>}), replication group id, node count, overrides. */
    public record Cache(String name, String replicationGroupId, int nodes, Map<String, AlarmOverride> overrides) {
        public Cache {
            overrides = MonitoringConfig.sorted(overrides);
        }
    }

    /**
     * Maps the environment's workload; each resource's overrides are resolved from the seed
     * thresholds, then {@code monitoring.alarms}, then the resource's own {@code alarms}.
     */
    public static MonitoredWorkload fromConfig(EnvironmentConfig env) {
        WorkloadConfig w = env.workload();
        List<Service> services = new ArrayList<>();
        for (WorkloadConfig.ServiceConfig s : w.services()) {
            WorkloadConfig.LoadBalancerConfig lb = s.loadBalancer() == null ? null : w.loadBalancer(s.loadBalancer());
            String logGroup = s.logGroupName(env.names());
            services.add(new Service(s.name(), s.cluster(), s.ecsServiceName(), logGroup,
                    lb == null ? null : lb.metricDimension(), s.targetGroupDimension(), s.healthUrl(),
                    resolve(env, AlarmCatalogue.SERVICE, s.alarms())));
        }
        List<LoadBalancer> lbs = new ArrayList<>();
        for (WorkloadConfig.LoadBalancerConfig lb : w.loadBalancers()) {
            lbs.add(new LoadBalancer("alb-" + lb.name(), lb.metricDimension(),
                    resolve(env, AlarmCatalogue.LOAD_BALANCER, lb.alarms())));
        }
        List<Database> dbs = new ArrayList<>();
        for (WorkloadConfig.DatabaseConfig d : w.databases()) {
            dbs.add(new Database("db-" + d.name(), d.identifier(), new DatabaseSignals.Facts(d.engine(), d.isCluster(),
                    d.memoryGiB(), d.maxConnections(), d.storageGiB(), d.readReplica()),
                    resolve(env, AlarmCatalogue.DATABASE, d.alarms())));
        }
        List<Cache> caches = new ArrayList<>();
        for (WorkloadConfig.CacheConfig c : w.caches()) {
            caches.add(new Cache("cache-" + c.name(), c.replicationGroupId(), c.nodes(),
                    resolve(env, AlarmCatalogue.CACHE, c.alarms())));
        }
        return new MonitoredWorkload(services, lbs, dbs, caches);
    }

    /** Seed thresholds, then environment overrides of this kind, then the resource's own. */
    static Map<String, AlarmOverride> resolve(EnvironmentConfig env, String kind, Map<String, AlarmOverride> own) {
        Map<String, AlarmOverride> result = new TreeMap<>(AlarmCatalogue.seedThresholds(env.monitoring().thresholds(), kind));
        env.monitoring().alarms().forEach((key, o) -> {
            if (key.startsWith(kind + ".") && o != null) {
                result.merge(key.substring(kind.length() + 1), o, (base, given) -> given.over(base));
            }
        });
        own.forEach((signal, o) -> {
            if (o != null) {
                result.merge(signal, o, (base, given) -> given.over(base));
            }
        });
        return result;
    }
}
