package io.github.opsbaseline.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
            return "token-" + digest(resolved);
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

    private static String digest(Object resolved) {
        try {
            byte[] json = new ObjectMapper().writeValueAsBytes(resolved);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 4);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a resolved ARN is JSON, and every Java runtime has SHA-256", e);
        }
    }
}
