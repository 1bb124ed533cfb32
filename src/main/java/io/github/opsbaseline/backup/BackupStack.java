package io.github.opsbaseline.backup;

import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/** The backup baseline of one environment. */
public class BackupStack extends Stack {

    public BackupStack(Construct scope, String id, BackupStackProps props) {
        super(scope, id, props.stack());
    }
}
