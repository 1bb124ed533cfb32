package io.github.opsbaseline.security;

import io.github.opsbaseline.compliance.KeyGrantGuard;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.Construct;

/**
 * A customer managed key with rotation for CloudWatch Logs groups of this account and region: the
 * logs service may use it only for log groups of this account (encryption context condition).
 */
public final class LogEncryptionKey {

    private LogEncryptionKey() { }

    public static Key create(Construct scope, String id, String alias, RemovalPolicy removalPolicy) {
        Stack stack = Stack.of(scope);
        Key key = KeyGrantGuard.guard(Key.Builder.create(scope, id)
                .alias(alias)
                .description("Encrypts the security baseline's CloudWatch Logs groups")
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(30))
                .removalPolicy(removalPolicy)
                .build());
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchLogsOfThisAccount")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("logs." + stack.getRegion() + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                        "arn:" + stack.getPartition() + ":logs:" + stack.getRegion() + ":" + stack.getAccount() + ":*")))
                .build());
        return key;
    }
}
