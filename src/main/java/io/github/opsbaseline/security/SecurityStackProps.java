package io.github.opsbaseline.security;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.config.ComplianceStandard;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.config.SecurityConfig;
import io.github.opsbaseline.config.WorkloadConfig;
import io.github.opsbaseline.core.ResourceNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.StackProps;

/**
 * Props of {@link SecurityStack}.
 *
 * @param stack the stack's own props (env, stack name, description); default none
 * @param names naming scheme of the environment; required
 * @param alertTopics where findings and alarms go; required
 * @param removalPolicy what happens to stateful resources on stack deletion; default RETAIN
 * @param security the controls and their settings; default {@link SecurityConfig#defaults()}
 * @param compliance standards that pick Config rules and Security Hub standards; default none
 * @param loadBalancerArns ALBs the web ACL (and Shield) protect, written out or an L2 load balancer's
 *     {@code getLoadBalancerArn()}; default none
 * @param vpcs VPC ids by short name whose traffic is logged; default none
 */
public record SecurityStackProps(StackProps stack, ResourceNames names, IAlertTopics alertTopics,
                                 RemovalPolicy removalPolicy, SecurityConfig security,
                                 List<ComplianceStandard> compliance, List<String> loadBalancerArns,
                                 Map<String, String> vpcs) {

    public SecurityStackProps {
        stack = stack == null ? StackProps.builder().build() : stack;
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(alertTopics, "alertTopics");
        removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
        security = security == null ? SecurityConfig.defaults() : security;
        compliance = compliance == null ? List.of() : List.copyOf(compliance);
        loadBalancerArns = loadBalancerArns == null ? List.of() : List.copyOf(loadBalancerArns);
        vpcs = vpcs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vpcs));
    }

    /** Maps an environment file to props. */
    public static SecurityStackProps fromConfig(EnvironmentConfig config, StackProps stack, IAlertTopics alertTopics) {
        Map<String, String> vpcs = new LinkedHashMap<>();
        for (WorkloadConfig.VpcConfig vpc : config.workload().vpcs()) {
            vpcs.put(vpc.name(), vpc.vpcId());
        }
        return new SecurityStackProps(stack, config.names(), alertTopics, config.removalPolicy().toCdk(),
                config.security(), config.compliance(),
                config.workload().loadBalancers().stream().map(WorkloadConfig.LoadBalancerConfig::arn).toList(), vpcs);
    }
}
