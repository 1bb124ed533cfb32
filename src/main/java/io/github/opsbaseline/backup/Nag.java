package io.github.opsbaseline.backup;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.constructs.IConstruct;

/** cdk-nag suppressions by design, each with its reason, on the narrowest construct. */
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
}
