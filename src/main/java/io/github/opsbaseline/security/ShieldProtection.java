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
        for (String arn : loadBalancerArns) {
            String lbName = LoadBalancerArns.name(this, arn);
            CfnProtection.Builder.create(this, "Protection-" + lbName)
                    .name(names.name("shield", lbName)).resourceArn(arn).build();
        }
    }
}
