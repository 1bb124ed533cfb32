package io.github.opsbaseline.compliance;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.IConstruct;

/**
 * Gives every KMS key under a scope the statement AWS Control Tower requires (CT.KMS.PR.3): grants
 * on the key may be created only by or for AWS services. A person who can edit the key policy could
 * otherwise hand themselves decrypt rights through a grant that no policy review sees.
 *
 * <p>The baseline's own keys get it where they are made ({@link #guard}): a walk of the construct
 * tree ({@link #applyTo}, for keys of your own constructs) costs one jsii round trip per construct,
 * about 50,000 for 1,000 monitored services. Not a CDK aspect: an aspect written in Java is called
 * back from node for every construct, and jsii nests those callbacks on the JVM stack, so a large
 * app overflows it.
 */
public final class KeyGrantGuard {

    static final String SID = "DenyGrantsExceptForAwsServices";

    private KeyGrantGuard() { }

    /** Keys that have the statement already, so applying twice adds it once. */
    private static final Set<Key> GUARDED = Collections.newSetFromMap(new WeakHashMap<>());

    /** Adds the statement to {@code key} (once); returns the key. */
    public static Key guard(Key key) {
        synchronized (GUARDED) {
            if (GUARDED.add(key)) {
                key.addToResourcePolicy(statement());
            }
        }
        return key;
    }

    /** Adds the statement to every {@link Key} now under {@code scope}; returns how many keys it found. */
    public static int applyTo(IConstruct scope) {
        int keys = 0;
        for (IConstruct node : scope.getNode().findAll()) {
            if (node instanceof Key key) {
                guard(key);
                keys++;
            }
        }
        return keys;
    }

    static PolicyStatement statement() {
        Map<String, Object> bool = new TreeMap<>();
        bool.put("aws:PrincipalIsAWSService", "false");
        bool.put("kms:GrantIsForAWSResource", "false");
        return PolicyStatement.Builder.create()
                .sid(SID)
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("kms:CreateGrant"))
                .resources(List.of("*"))
                .conditions(Map.of("BoolIfExists", bool))
                .build();
    }
}
