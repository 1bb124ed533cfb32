package io.github.opsbaseline.app;

import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnWaitConditionHandle;
import software.amazon.awscdk.Stack;

/**
 * The benchmark's empty app ({@code bench/EmptyApp}: one stack, one free resource) validated the way
 * {@code bin/app} validates the baseline: started with {@code CDK_VALIDATION=false} and
 * {@code OPS_BASELINE_VALIDATION=true}, it starts a validator worker with its JVM and validates there
 * (see {@link ValidationBesideTheSynth}). The stricter floor for the prod-against-floor target with the
 * validator on: what an empty app costs when it, too, builds the rule engine beside its JVM (README,
 * "The validator beside the synth").
 */
public final class EmptyAppBesideTheSynth {

    private EmptyAppBesideTheSynth() { }

    public static void main(String[] args) {
        ValidationWorkers workers = ValidationWorkers.forThisMachine();
        App app = OpsBaselineApp.app(workers);
        new CfnWaitConditionHandle(new Stack(app, "Empty"), "Nothing");
        app.synth();
        workers.close();
    }
}
