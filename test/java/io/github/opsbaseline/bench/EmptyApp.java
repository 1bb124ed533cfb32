package io.github.opsbaseline.bench;

import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnWaitConditionHandle;
import software.amazon.awscdk.Stack;

/**
 * The floor: a Java CDK app with one stack holding one free resource (the validator refuses an empty
 * Resources section), synthesized the same way the baseline is.
 */
public final class EmptyApp {

    private EmptyApp() { }

    public static void main(String[] args) {
        App app = new App();
        new CfnWaitConditionHandle(new Stack(app, "Empty"), "Nothing");
        app.synth();
    }
}
