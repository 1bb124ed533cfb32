package io.github.opsbaseline.security;

import io.github.opsbaseline.core.ResourceNames;
import java.util.List;
import software.amazon.awscdk.services.shield.CfnProtection;
import software.constructs.Construct;

/**
 * Shield Advanced protection of load balancers. Needs an active Shield Advanced subscription
 * (USD 3,000 a month per organization, one-year commitment, plus data transfer fees); opt-in.
 */
public class ShieldProtection extends Construct {

    public ShieldProtection(Construct scope, String id, ResourceNames names, List<String> loadBalancerArns) {
        super(scope, id);
        for (int i = 0; i < loadBalancerArns.size(); i++) {
            String lbName = LoadBalancerArns.name(loadBalancerArns.get(i), i);
            CfnProtection.Builder.create(this, "Protection-" + lbName)
                    .name(names.name("shield", lbName)).resourceArn(loadBalancerArns.get(i)).build();
        }
    }
}
