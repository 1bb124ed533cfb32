package io.github.opsbaseline.testing;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/**
 * The error and warning annotations left on stacks (cdk-nag's unsuppressed findings, and any other),
 * one line each, so that a gate asserts an empty list and its failure names every finding.
 */
public final class NagFindings {

    private NagFindings() {
    }

    /**
     * {@code "ERROR <construct path>: <message>"} and {@code "WARNING ..."} lines, stack after stack
     * in the order given, errors before warnings; empty when there are none.
     */
    // Annotations hands out cx-api's SynthesisMessage, deprecated since the type moved to the cloud
    // assembly API, and has no other accessor: the deprecation stays in this one method.
    @SuppressWarnings("deprecation")
    public static List<String> of(Iterable<? extends Stack> stacks) {
        List<String> findings = new ArrayList<>();
        for (Stack stack : stacks) {
            // One Annotations per stack: fromStack synthesizes the app each time it is called.
            Annotations annotations = Annotations.fromStack(stack);
            annotations.findError("*", Match.anyValue())
                    .forEach(m -> findings.add("ERROR " + m.getId() + ": " + m.getEntry().getData()));
            annotations.findWarning("*", Match.anyValue())
                    .forEach(m -> findings.add("WARNING " + m.getId() + ": " + m.getEntry().getData()));
        }
        return findings;
    }

    /** {@link #of(Iterable)} for the stacks given. */
    public static List<String> of(Stack... stacks) {
        return of(List.of(stacks));
    }
}
