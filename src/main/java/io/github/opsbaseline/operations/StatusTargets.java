package io.github.opsbaseline.operations;

import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.config.WorkloadConfig.ServiceConfig;
import io.github.opsbaseline.core.ResourceNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The names of what the baseline's stacks create, as the {@code status} command and the
 * {@link OperatorReadOnlyPolicy} assume them: derived from {@link ResourceNames}, never read from
 * the other stacks' code, so the operations side does not depend on how a stack is built.
 *
 * <ul>
 *   <li>alarms: {@code <project>-<env>-<resource>-<signal>-<severity>}, found by the prefix {@code <project>-<env>-}</li>
 *   <li>WAF web ACL: {@code <project>-<env>-web-acl} (its CloudWatch metric dimension {@code WebACL})</li>
 *   <li>backup vaults: {@code <project>-<env>-vault} in the home region and {@code <project>-<env>-vault-dr} in {@code drRegion}</li>
 *   <li>saved Logs Insights query: {@code <project>-<env>/errors-by-module-function}</li>
 *   <li>a service's log group: its {@code logGroup}, else {@code /ecs/<project>-<env>-<name>}, as the monitoring creates it</li>
 * </ul>
 */
public record StatusTargets(EnvironmentConfig config) {

    /** The saved query whose text the logs section runs per service (seed 000's first query). */
    public static final String ERRORS_QUERY_ID = "errors-by-module-function";

    /**
     * A backup vault and where it is.
     *
     * @param name the vault name
     * @param region its region; null for the environment's home region
     * @param role {@code primary} or {@code dr}
     */
    public record Vault(String name, String region, String role) { }

    public ResourceNames names() {
        return config.names();
    }

    /** Every baseline alarm name starts with this. */
    public String alarmPrefix() {
        return names().prefix() + "-";
    }

    public String webAclName() {
        return names().name("web-acl");
    }

    public String errorsQueryName() {
        return names().prefix() + "/" + ERRORS_QUERY_ID;
    }

    public List<Vault> vaults() {
        List<Vault> vaults = new ArrayList<>();
        vaults.add(new Vault(names().name("vault"), null, "primary"));
        if (config.drRegion() != null) {
            vaults.add(new Vault(names().name("vault-dr"), config.drRegion(), "dr"));
        }
        return vaults;
    }

    /** @deprecated use {@link ServiceConfig#logGroupName(ResourceNames)}, which the monitoring uses too. */
    @Deprecated
    public static String logGroup(ResourceNames names, ServiceConfig service) {
        return service.logGroupName(names);
    }

    /** The services' log groups, in config order, without repeats. */
    public List<String> logGroups() {
        return config.workload().services().stream().map(s -> s.logGroupName(names())).distinct().toList();
    }
}
