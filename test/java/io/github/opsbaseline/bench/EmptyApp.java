package io.github.opsbaseline.bench;

import io.github.opsbaseline.app.OpsBaselineApp;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnWaitConditionHandle;
import software.amazon.awscdk.Stack;

/**
 * The floor: a Java CDK app with one stack holding one free resource (the validator refuses an empty
 * Resources section), with the context the baseline forces on itself, synthesized the same way.
 * {@code bench/js/empty-app.js} is its JavaScript twin.
 */
public final class EmptyApp {

    private EmptyApp() { }

    public static void main(String[] args) {
        App app = App.Builder.create().postCliContext(OpsBaselineApp.strictValidation()).build();
        new CfnWaitConditionHandle(new Stack(app, "Empty"), "Nothing");
        app.synth();
    }
}
