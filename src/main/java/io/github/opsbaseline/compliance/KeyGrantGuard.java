package io.github.opsbaseline.compliance;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.IAspect;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.constructs.IConstruct;

/**
 * Adds to every KMS key of a scope the statement AWS Control Tower requires (CT.KMS.PR.3): grants on
 * the key may be created only by or for AWS services. A person who can edit the key policy could
 * otherwise hand themselves decrypt rights through a grant that no policy review sees.
 *
 * <p>An aspect rather than a line in each construct, so a key added by any construct of the library,
 * or by a team's own code under the same stack, gets it too.
 */
public final class KeyGrantGuard implements IAspect {

    static final String SID = "DenyGrantsExceptForAwsServices";

    @Override
    public void visit(IConstruct node) {
        if (node instanceof Key key) {
            Map<String, Object> bool = new TreeMap<>();
            bool.put("aws:PrincipalIsAWSService", "false");
            bool.put("kms:GrantIsForAWSResource", "false");
            key.addToResourcePolicy(PolicyStatement.Builder.create()
                    .sid(SID)
                    .effect(Effect.DENY)
                    .principals(List.of(new AnyPrincipal()))
                    .actions(List.of("kms:CreateGrant"))
                    .resources(List.of("*"))
                    .conditions(Map.of("BoolIfExists", bool))
                    .build());
        }
    }
}
