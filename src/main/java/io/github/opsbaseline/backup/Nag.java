package io.github.opsbaseline.backup;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnResource;
import software.constructs.IConstruct;

/** Suppressions by design, each with its reason, and the Guard-rule equivalent for cfn-guard. */
final class Nag {

    private Nag() { }

    /** Suppresses cdk-nag rule {@code id} on {@code construct} and its children, for {@code reason}. */
    static void suppress(IConstruct construct, String id, String reason, String... appliesTo) {
        NagPackSuppression.Builder s = NagPackSuppression.builder().id(id).reason(reason);
        if (appliesTo.length > 0) {
            s.appliesTo(List.of((Object[]) appliesTo));
        }
        NagSuppressions.addResourceSuppressions(construct, List.of(s.build()), true);
    }

    /**
     * Marks a Control Tower Guard rule as not applying to {@code resource} (cfn-guard reads
     * {@code Metadata.guard.SuppressedRules}); the reason stays next to it in the template.
     */
    @SuppressWarnings("unchecked")
    static void suppressGuard(CfnResource resource, String rule, String reason) {
        Object existing = resource.getMetadata("guard");
        Map<String, Object> guard = new LinkedHashMap<>();
        List<Object> rules = new ArrayList<>();
        List<Object> reasons = new ArrayList<>();
        if (existing instanceof Map<?, ?> m) {
            rules.addAll((List<Object>) m.get("SuppressedRules"));
            reasons.addAll((List<Object>) m.get("Reasons"));
        }
        rules.add(rule);
        reasons.add(rule + ": " + reason);
        guard.put("SuppressedRules", rules);
        guard.put("Reasons", reasons);
        resource.addMetadata("guard", guard);
    }
}
