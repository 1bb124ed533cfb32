package io.github.opsbaseline.security;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.config.SecurityConfig;
import io.github.opsbaseline.core.ResourceNames;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;

/**
 * Props of {@link WebFirewall}.
 *
 * @param names naming scheme; required
 * @param alertTopics where the blocked-request and rate-limit alarms go; required
 * @param loadBalancerArns application load balancers the web ACL is associated with, written out or an L2
 *     load balancer's {@code getLoadBalancerArn()}; default none
 * @param settings rules, limits and thresholds; default {@link SecurityConfig.Waf#defaults()}
 * @param logKey KMS key of the WAF log group; required
 * @param removalPolicy of the log group; default RETAIN
 */
public record WebFirewallProps(ResourceNames names, IAlertTopics alertTopics, List<String> loadBalancerArns,
                               SecurityConfig.Waf settings, IKey logKey, RemovalPolicy removalPolicy) {
    public WebFirewallProps {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(alertTopics, "alertTopics");
        Objects.requireNonNull(logKey, "logKey");
        loadBalancerArns = loadBalancerArns == null ? List.of() : List.copyOf(loadBalancerArns);
        settings = settings == null ? SecurityConfig.Waf.defaults() : settings;
        removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
    }
}
