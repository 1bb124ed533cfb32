package io.github.opsbaseline.monitoring;

import io.github.opsbaseline.compliance.KeyGrantGuard;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * A customer-managed key with rotation for monitoring data: service log groups (the key policy lets
 * CloudWatch Logs of this account and region use it, for log groups only) and canary artifacts.
 */
public class MonitoringKey extends Construct {

    private final Key key;

    /**
     * @param alias the key alias without {@code alias/}, e.g. {@code <project>-<env>-monitoring}
     * @param removalPolicy what a stack deletion does to the key; RETAIN unless the environment says destroy
     */
    public MonitoringKey(Construct scope, String id, String alias, RemovalPolicy removalPolicy) {
        super(scope, id);
        Stack stack = Stack.of(this);
        key = KeyGrantGuard.guard(Key.Builder.create(this, "Key")
                .description("Encrypts monitoring logs and canary artifacts (" + alias + ")")
                .alias("alias/" + alias)
                .enableKeyRotation(true)
                .removalPolicy(removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy)
                .build());
        // CloudWatch Logs encrypts with the key on the log group's behalf; the encryption-context
        // condition limits that to log groups of this account and region.
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchLogs")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                        "kms:Describe*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                        "arn:" + stack.getPartition() + ":logs:" + stack.getRegion() + ":" + stack.getAccount()
                                + ":log-group:*")))
                .build());
    }

    public IKey key() {
        return key;
    }
}
