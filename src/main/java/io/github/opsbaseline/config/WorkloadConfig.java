package io.github.opsbaseline.config;

import static io.github.opsbaseline.config.JsonPaths.field;
import static io.github.opsbaseline.config.JsonPaths.index;

import io.github.opsbaseline.config.MonitoringConfig.AlarmOverride;
import io.github.opsbaseline.core.ResourceNames;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workload the baseline watches and protects: what already runs in the account, named by the
 * environment file. Monitoring alarms on it, security attaches the firewall and flow logs to it,
 * backup protects its data stores.
 *
 * @param vpcs VPCs whose traffic is logged; default none
 * @param loadBalancers application load balancers in front of the services; default none
 * @param services ECS services; default none
 * @param databases RDS instances or Aurora clusters; default none
 * @param caches ElastiCache Redis replication groups; default none
 */
public record WorkloadConfig(
        List<VpcConfig> vpcs,
        List<LoadBalancerConfig> loadBalancers,
        List<ServiceConfig> services,
        List<DatabaseConfig> databases,
        List<CacheConfig> caches) {

    public WorkloadConfig {
        vpcs = vpcs == null ? List.of() : List.copyOf(vpcs);
        loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        services = services == null ? List.of() : List.copyOf(services);
        databases = databases == null ? List.of() : List.copyOf(databases);
        caches = caches == null ? List.of() : List.copyOf(caches);
    }

    /** An empty workload: nothing to watch yet. */
    public static WorkloadConfig empty() {
        return new WorkloadConfig(null, null, null, null, null);
    }

    public LoadBalancerConfig loadBalancer(String name) {
        return loadBalancers.stream().filter(lb -> lb.name().equals(name)).findFirst().orElse(null);
    }

    void validate(ConfigProblems problems, String path) {
        validateAll(problems, field(path, "vpcs"), vpcs, VpcConfig::validate);
        validateAll(problems, field(path, "loadBalancers"), loadBalancers, LoadBalancerConfig::validate);
        validateAll(problems, field(path, "services"), services, ServiceConfig::validate);
        validateAll(problems, field(path, "databases"), databases, DatabaseConfig::validate);
        validateAll(problems, field(path, "caches"), caches, CacheConfig::validate);
        problems.unique(field(path, "vpcs"), vpcs, VpcConfig::name, "name");
        problems.unique(field(path, "loadBalancers"), loadBalancers, LoadBalancerConfig::name, "name");
        // AWS names a load balancer once per account and region, and the firewall's association is
        // named after it: the same name twice is the same load balancer listed twice.
        Map<String, String> firstArnAt = new HashMap<>();
        for (int i = 0; i < loadBalancers.size(); i++) {
            String awsName = loadBalancers.get(i) == null ? null : loadBalancers.get(i).awsName();
            String at = field(index(field(path, "loadBalancers"), i), "arn");
            String earlier = awsName == null ? null : firstArnAt.putIfAbsent(awsName, at);
            if (earlier != null) {
                problems.add(at, "expected each load balancer once (AWS names one once per account and region),"
                        + " found " + ConfigProblems.quote(awsName) + " again (first at " + earlier + ")");
            }
        }
        problems.unique(field(path, "services"), services, ServiceConfig::name, "name");
        problems.unique(field(path, "databases"), databases, DatabaseConfig::name, "name");
        problems.unique(field(path, "caches"), caches, CacheConfig::name, "name");
        Set<String> lbNames = new HashSet<>();
        loadBalancers.forEach(lb -> lbNames.add(lb.name()));
        for (int i = 0; i < services.size(); i++) {
            ServiceConfig s = services.get(i);
            if (s != null && s.loadBalancer() != null && !lbNames.contains(s.loadBalancer())) {
                problems.add(field(index(field(path, "services"), i), "loadBalancer"),
                        "no load balancer of that name in $.workload.loadBalancers: "
                                + ConfigProblems.quote(s.loadBalancer()) + " (known: " + lbNames.stream().sorted().toList() + ")");
            }
        }
    }

    private static final String ECS_NAME = "an ECS name (1 to 255 letters, digits, hyphens and underscores)";

    interface ItemValidator<T> {
        void validate(T item, ConfigProblems problems, String path);
    }

    static <T> void validateAll(ConfigProblems problems, String listPath, List<T> items, ItemValidator<T> validator) {
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item == null) {
                problems.add(index(listPath, i), "expected an object, found null");
            } else {
                validator.validate(item, problems, index(listPath, i));
            }
        }
    }

    /**
     * A VPC whose traffic is recorded by flow logs.
     *
     * @param name short name used in resource names
     * @param vpcId the VPC id, {@code vpc-...}
     */
    public record VpcConfig(String name, String vpcId) {
        void validate(ConfigProblems problems, String path) {
            if (problems.require(field(path, "name"), name)) {
                problems.matches(field(path, "name"), name, Patterns.NAME, "a name of lower-case letters, digits and dashes");
            }
            if (problems.require(field(path, "vpcId"), vpcId)) {
                problems.matches(field(path, "vpcId"), vpcId, Patterns.VPC_ID, "a VPC id (vpc- and 8 or 17 hex digits)");
            }
        }
    }

    /**
     * An application load balancer.
     *
     * @param name short name services refer to
     * @param arn the load balancer's ARN
     * @param alarms this load balancer's alarm overrides by signal id (see the README, Monitoring); default none
     */
    public record LoadBalancerConfig(String name, String arn, Map<String, AlarmOverride> alarms) {

        public LoadBalancerConfig {
            alarms = MonitoringConfig.sorted(alarms);
        }

        public LoadBalancerConfig(String name, String arn) {
            this(name, arn, null);
        }

        /** The load balancer's own name, from its ARN; null when the ARN is not one. */
        String awsName() {
            return arn != null && Patterns.ALB_ARN.matcher(arn).matches() ? metricDimension().split("/")[1] : null;
        }

        /** The {@code LoadBalancer} metric dimension: {@code app/<name>/<id>}. */
        public String metricDimension() {
            return arn.substring(arn.indexOf(":loadbalancer/") + ":loadbalancer/".length());
        }

        void validate(ConfigProblems problems, String path) {
            if (problems.require(field(path, "name"), name)) {
                problems.matches(field(path, "name"), name, Patterns.NAME, "a name of lower-case letters, digits and dashes");
            }
            if (problems.require(field(path, "arn"), arn)) {
                problems.matches(field(path, "arn"), arn, Patterns.ALB_ARN,
                        "an application load balancer ARN (arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<id>)");
            }
        }
    }

    /**
     * An ECS service.
     *
     * @param name short name used in alarm and resource names
     * @param cluster the ECS cluster name
     * @param serviceName the ECS service name; default {@code name}
     * @param logGroup the service's CloudWatch Logs group; default {@code /ecs/<project>-<env>-<name>}
     * @param loadBalancer the name of the load balancer in front of it; default none
     * @param targetGroupArn the service's target group; default none
     * @param healthUrl the HTTPS health URL a canary calls (seed: {@code /health}); default none
     * @param alarms this service's alarm overrides by signal id (ECS, target group, log and canary
     *     signals, see the README, Monitoring); default none
     */
    public record ServiceConfig(
            String name,
            String cluster,
            String serviceName,
            String logGroup,
            String loadBalancer,
            String targetGroupArn,
            String healthUrl,
            Map<String, AlarmOverride> alarms) {

        public ServiceConfig {
            alarms = MonitoringConfig.sorted(alarms);
        }

        public ServiceConfig(String name, String cluster, String serviceName, String logGroup, String loadBalancer,
                             String targetGroupArn, String healthUrl) {
            this(name, cluster, serviceName, logGroup, loadBalancer, targetGroupArn, healthUrl, null);
        }

        /**
         * The service's log group: {@code logGroup}, else {@code /ecs/<project>-<env>-<name>}. The one
         * place the default is decided: the monitoring creates this group and the status command reads it.
         */
        public String logGroupName(ResourceNames names) {
            return logGroup != null ? logGroup : "/ecs/" + names.name(name);
        }

        /** The ECS service name, defaulting to the short name. */
        public String ecsServiceName() {
            return serviceName != null ? serviceName : name;
        }

        /** The {@code TargetGroup} metric dimension: {@code targetgroup/<name>/<id>}, or null. */
        public String targetGroupDimension() {
            return targetGroupArn == null ? null
                    : targetGroupArn.substring(targetGroupArn.indexOf(":targetgroup/") + 1);
        }

        void validate(ConfigProblems problems, String path) {
            if (problems.require(field(path, "name"), name)) {
                problems.matches(field(path, "name"), name, Patterns.NAME, "a name of lower-case letters, digits and dashes");
            }
            if (problems.require(field(path, "cluster"), cluster)) {
                problems.matches(field(path, "cluster"), cluster, Patterns.ECS_NAME, ECS_NAME);
            }
            if (serviceName != null && serviceName.isBlank()) {
                problems.add(field(path, "serviceName"), "expected a non-empty string (leave the key out for the"
                        + " default, the name), found " + ConfigProblems.quote(serviceName));
            } else {
                problems.matches(field(path, "serviceName"), serviceName, Patterns.ECS_NAME, ECS_NAME);
            }
            problems.matches(field(path, "logGroup"), logGroup, Patterns.LOG_GROUP, "a log group name");
            problems.matches(field(path, "targetGroupArn"), targetGroupArn, Patterns.TARGET_GROUP_ARN,
                    "a target group ARN (arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>)");
            problems.matches(field(path, "healthUrl"), healthUrl, Patterns.HTTPS_URL, "an https:// URL");
            if (targetGroupArn != null && loadBalancer == null) {
                problems.add(field(path, "loadBalancer"),
                        "missing: a service with a targetGroupArn must name its load balancer");
            }
        }
    }

    /** Database engines the baseline knows the metrics of. */
    public enum DatabaseEngine {
        @com.fasterxml.jackson.annotation.JsonProperty("postgres") POSTGRES,
        @com.fasterxml.jackson.annotation.JsonProperty("mysql") MYSQL,
        @com.fasterxml.jackson.annotation.JsonProperty("mariadb") MARIADB,
        @com.fasterxml.jackson.annotation.JsonProperty("aurora-postgresql") AURORA_POSTGRESQL,
        @com.fasterxml.jackson.annotation.JsonProperty("aurora-mysql") AURORA_MYSQL;

        public boolean isAurora() {
            return this == AURORA_POSTGRESQL || this == AURORA_MYSQL;
        }

        public boolean isPostgres() {
            return this == POSTGRES || this == AURORA_POSTGRESQL;
        }
    }

    /**
     * An RDS DB instance ({@code instanceId}) or Aurora cluster ({@code clusterId}).
     *
     * @param name short name used in alarm and resource names
     * @param engine the engine, which decides the metrics watched
     * @param instanceId the DB instance identifier (exactly one of this and {@code clusterId})
     * @param clusterId the DB cluster identifier
     * @param maxConnections the engine's max_connections, for connections-as-percent; default: no
     *     percentage alarm, only the absolute metric on the dashboard
     * @param memoryGiB instance memory, for memory-used-as-percent; default: alarm on an absolute
     *     floor of freeable memory instead
     * @param storageGiB allocated storage, for free-storage-as-percent; default: absolute floor
     * @param readReplica whether the instance is a read replica (adds a replica-lag alarm, and for MySQL
     *     and MariaDB a replication-stopped alarm); default false
     * @param alarms this database's alarm overrides by signal id (see the README, Monitoring); default none
     */
    public record DatabaseConfig(
            String name,
            DatabaseEngine engine,
            String instanceId,
            String clusterId,
            Integer maxConnections,
            Double memoryGiB,
            Integer storageGiB,
            Boolean readReplica,
            Map<String, AlarmOverride> alarms) {

        public DatabaseConfig {
            readReplica = readReplica != null && readReplica;
            alarms = MonitoringConfig.sorted(alarms);
        }

        public DatabaseConfig(String name, DatabaseEngine engine, String instanceId, String clusterId,
                              Integer maxConnections, Double memoryGiB, Integer storageGiB, Boolean readReplica) {
            this(name, engine, instanceId, clusterId, maxConnections, memoryGiB, storageGiB, readReplica, null);
        }

        public boolean isCluster() {
            return clusterId != null;
        }

        /** The identifier used in metric dimensions and ARNs. */
        public String identifier() {
            return isCluster() ? clusterId : instanceId;
        }

        void validate(ConfigProblems problems, String path) {
            if (problems.require(field(path, "name"), name)) {
                problems.matches(field(path, "name"), name, Patterns.NAME, "a name of lower-case letters, digits and dashes");
            }
            problems.require(field(path, "engine"), engine);
            if ((instanceId == null) == (clusterId == null)) {
                problems.add(path, "expected exactly one of instanceId and clusterId, found "
                        + (instanceId == null ? "neither" : "both"));
            } else {
                String key = instanceId != null ? "instanceId" : "clusterId";
                if (problems.require(field(path, key), identifier())) {
                    problems.matches(field(path, key), identifier(), Patterns.RDS_IDENTIFIER, "an RDS identifier (1 to 63"
                            + " lower-case letters, digits and hyphens, a letter first, no -- and no hyphen last)");
                }
            }
            problems.inRange(field(path, "maxConnections"), maxConnections, 1, 262_142);
            problems.inRange(field(path, "memoryGiB"), memoryGiB, 0.5, 24_576);
            problems.inRange(field(path, "storageGiB"), storageGiB, 1, 65_536);
        }
    }

    /**
     * An ElastiCache Redis (or Valkey) replication group.
     *
     * @param name short name used in alarm and resource names
     * @param replicationGroupId the replication group id
     * @param nodes number of cache nodes (primary + replicas), for per-node alarms; default 1, at most 6
     *     (a replication group without cluster mode)
     * @param alarms this cache's alarm overrides by signal id (see the README, Monitoring); default none
     */
    public record CacheConfig(String name, String replicationGroupId, Integer nodes,
                              Map<String, AlarmOverride> alarms) {

        /**
         * A replication group without cluster mode has a primary and at most 5 replicas, whose
         * per-node metrics the alarms read as {@code <group>-001} to {@code -006}; cluster mode names
         * its nodes per shard, which these alarms do not cover.
         */
        public static final int MAX_NODES = 6;

        public CacheConfig {
            nodes = nodes == null ? 1 : nodes;
            alarms = MonitoringConfig.sorted(alarms);
        }

        public CacheConfig(String name, String replicationGroupId, Integer nodes) {
            this(name, replicationGroupId, nodes, null);
        }

        void validate(ConfigProblems problems, String path) {
            if (problems.require(field(path, "name"), name)) {
                problems.matches(field(path, "name"), name, Patterns.NAME, "a name of lower-case letters, digits and dashes");
            }
            if (problems.require(field(path, "replicationGroupId"), replicationGroupId)) {
                problems.matches(field(path, "replicationGroupId"), replicationGroupId, Patterns.REPLICATION_GROUP_ID,
                        "an ElastiCache replication group id (1 to 40 lower-case letters, digits and hyphens, a letter"
                                + " first, no -- and no hyphen last)");
            }
            problems.inRange(field(path, "nodes"), nodes, 1, MAX_NODES);
        }
    }
}
