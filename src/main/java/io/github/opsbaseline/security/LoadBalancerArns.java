package io.github.opsbaseline.security;

import io.github.opsbaseline.core.Digests;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Token;
import software.constructs.IConstruct;

/** The load balancers the web ACL and Shield protect, as their ARNs: written out, or an L2's token. */
final class LoadBalancerArns {

    private static final String APP_LOAD_BALANCER = ":loadbalancer/app/";

    private LoadBalancerArns() { }

    /**
     * The name a resource protecting the load balancer is known by, the same whatever the list's order
     * (a protection's ARN cannot change in place): the load balancer's own name for an ARN written out;
     * for a token (an L2 load balancer's ARN, known only at deploy), the logical id it refers to, or a
     * digest of what it resolves to when it is not a plain reference.
     *
     * @throws IllegalArgumentException for a written-out ARN that is not an Application Load Balancer's
     */
    static String name(IConstruct scope, String arn) {
        if (Token.isUnresolved(arn)) {
            Object resolved = Stack.of(scope).resolve(arn);
            if (resolved instanceof Map<?, ?> ref && ref.size() == 1 && ref.get("Ref") instanceof String logicalId) {
                return "ref-" + logicalId;
            }
            return "token-" + Digests.shortHex(Digests.resolvedJson(scope, arn));
        }
        int start = arn.indexOf(APP_LOAD_BALANCER);
        int end = arn.lastIndexOf('/');
        if (!arn.startsWith("arn:") || start < 0 || end <= start + APP_LOAD_BALANCER.length()) {
            throw new IllegalArgumentException("loadBalancerArns: expected an Application Load Balancer's ARN"
                    + " (arn:<partition>:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<id>), found \""
                    + arn + "\"");
        }
        return arn.substring(start + APP_LOAD_BALANCER.length(), end);
    }
}
