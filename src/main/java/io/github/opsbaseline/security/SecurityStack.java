package io.github.opsbaseline.security;

import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/** The security baseline of one environment. */
public class SecurityStack extends Stack {

    public SecurityStack(Construct scope, String id, SecurityStackProps props) {
        super(scope, id, props.stack());
    }
}
