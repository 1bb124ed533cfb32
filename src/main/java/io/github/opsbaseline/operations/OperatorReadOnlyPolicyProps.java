package io.github.opsbaseline.operations;

import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.core.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the status reader may read. Every list narrows the resource of the actions of one
 * {@link StatusReaderPermissions.Scope}; an empty list leaves those actions out (the CLI does not
 * call them when the environment has nothing of that kind).
 *
 * @param names the naming scheme; the policy is named {@code <project>-<env>-status-reader}; required
 * @param ecsServices the ECS services (cluster and service name); default none
 * @param dbInstanceIds RDS DB instance identifiers; default none
 * @param dbClusterIds Aurora DB cluster identifiers; default none
 * @param replicationGroupIds ElastiCache replication group ids; default none
 * @param logGroupNames log groups Logs Insights may query; default none
 * @param backupVaults backup vaults (name and region, null = the stack's region); default none
 */
public record OperatorReadOnlyPolicyProps(
        ResourceNames names,
        List<EcsServiceRef> ecsServices,
        List<String> dbInstanceIds,
        List<String> dbClusterIds,
        List<String> replicationGroupIds,
        List<String> logGroupNames,
        List<StatusTargets.Vault> backupVaults) {

    /** An ECS service by cluster and service name. */
    public record EcsServiceRef(String cluster, String serviceName) { }

    public OperatorReadOnlyPolicyProps {
        Objects.requireNonNull(names, "names");
        ecsServices = ecsServices == null ? List.of() : List.copyOf(ecsServices);
        dbInstanceIds = dbInstanceIds == null ? List.of() : List.copyOf(dbInstanceIds);
        dbClusterIds = dbClusterIds == null ? List.of() : List.copyOf(dbClusterIds);
        replicationGroupIds = replicationGroupIds == null ? List.of() : List.copyOf(replicationGroupIds);
        logGroupNames = logGroupNames == null ? List.of() : List.copyOf(logGroupNames);
        backupVaults = backupVaults == null ? List.of() : List.copyOf(backupVaults);
    }

    /** The workload and baseline resources of an environment file, named as {@link StatusTargets} assumes. */
    public static OperatorReadOnlyPolicyProps fromConfig(EnvironmentConfig config) {
        StatusTargets targets = new StatusTargets(config);
        var workload = config.workload();
        return builder(config.names())
                .ecsServices(workload.services().stream().map(s -> new EcsServiceRef(s.cluster(), s.ecsServiceName())).toList())
                .dbInstanceIds(workload.databases().stream().filter(d -> !d.isCluster()).map(d -> d.instanceId()).toList())
                .dbClusterIds(workload.databases().stream().filter(d -> d.isCluster()).map(d -> d.clusterId()).toList())
                .replicationGroupIds(workload.caches().stream().map(c -> c.replicationGroupId()).toList())
                .logGroupNames(targets.logGroups())
                .backupVaults(targets.vaults())
                .build();
    }

    public static Builder builder(ResourceNames names) {
        return new Builder(names);
    }

    /** Builds the props; every list defaults to empty. */
    public static final class Builder {
        private final ResourceNames names;
        private final List<EcsServiceRef> ecsServices = new ArrayList<>();
        private final List<String> dbInstanceIds = new ArrayList<>();
        private final List<String> dbClusterIds = new ArrayList<>();
        private final List<String> replicationGroupIds = new ArrayList<>();
        private final List<String> logGroupNames = new ArrayList<>();
        private final List<StatusTargets.Vault> backupVaults = new ArrayList<>();

        private Builder(ResourceNames names) {
            this.names = names;
        }

        public Builder ecsServices(List<EcsServiceRef> value) {
            ecsServices.addAll(value);
            return this;
        }

        public Builder dbInstanceIds(List<String> value) {
            dbInstanceIds.addAll(value);
            return this;
        }

        public Builder dbClusterIds(List<String> value) {
            dbClusterIds.addAll(value);
            return this;
        }

        public Builder replicationGroupIds(List<String> value) {
            replicationGroupIds.addAll(value);
            return this;
        }

        public Builder logGroupNames(List<String> value) {
            logGroupNames.addAll(value);
            return this;
        }

        public Builder backupVaults(List<StatusTargets.Vault> value) {
            backupVaults.addAll(value);
            return this;
        }

        public OperatorReadOnlyPolicyProps build() {
            return new OperatorReadOnlyPolicyProps(names, ecsServices, dbInstanceIds, dbClusterIds, replicationGroupIds,
                    logGroupNames, backupVaults);
        }
    }
}
