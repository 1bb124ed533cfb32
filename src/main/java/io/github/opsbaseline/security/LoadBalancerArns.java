package io.github.opsbaseline.security;

import software.amazon.awscdk.Token;

/** The load balancers the web ACL and Shield protect, as their ARNs: written out, or an L2's token. */
final class LoadBalancerArns {

    private static final String APP_LOAD_BALANCER = ":loadbalancer/app/";

    private LoadBalancerArns() { }

    /**
     * The name a resource protecting the load balancer is known by: the load balancer's own name for an
     * ARN written out (stable whatever the list's order), {@code lb<position>} for a token (an L2 load
     * balancer's ARN, known only at deploy).
     *
     * @param position the ARN's place in its list, from 0
     * @throws IllegalArgumentException for a written-out ARN that is not an Application Load Balancer's
     */
    static String name(String arn, int position) {
        if (Token.isUnresolved(arn)) {
            return "lb" + (position + 1);
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
