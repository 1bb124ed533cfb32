package io.github.opsbaseline.app;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CloudFormationValidatePlugin;
import software.amazon.awscdk.IPolicyValidationContext;
import software.amazon.awscdk.IPolicyValidationPlugin;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/**
 * The CDK's CloudFormation template validator over nested stack templates as well. The CDK hands its
 * validator the template of each top-level stack only (aws-cdk-lib 2.263: nested templates are file
 * assets, not stacks of the assembly), so without this every alarm, log group and canary in the
 * monitoring unit stacks would go unchecked.
 *
 * <p>This is the CDK's own plugin with its rules, severities and acknowledgements; registered on the
 * app, it replaces the default instance (the CDK adds its own only when the app has none), so one
 * rule engine serves every template. {@code CDK_VALIDATION=false} turns it off as it turns off the
 * default. Validating costs about 5 ms per resource. {@link ValidationCache} keeps each template's
 * findings, so a synth pays it only for templates no earlier synth validated; when those are many,
 * {@link ValidationWorkers} spread them over the machine's cores. Either way the report is the same.
 * An app that registers a {@code CloudFormationValidatePlugin} of its own gets both, so top-level
 * templates are then validated twice.
 */
public final class NestedStackValidation extends CloudFormationValidatePlugin {

    /** The CDK's switch for its template validator, honoured here too. */
    public static final String SWITCH = "CDK_VALIDATION";

    /**
     * The user's {@value #SWITCH}, where {@code bin/app} moved it: bin/app sets {@value #SWITCH} to
     * false for the synth's node process, whose default validator would build a rule engine of its
     * own, and the app validates in workers started with the JVM instead
     * ({@link #addBesideTheSynth}). Unset, {@value #SWITCH} decides as in any CDK app.
     */
    public static final String APP_SWITCH = "OPS_BASELINE_VALIDATION";

    /**
     * The directory of the findings kept between synths, or {@code off}; unset, the user's cache
     * directory (see {@link ValidationCache}).
     */
    public static final String CACHE_SWITCH = "OPS_BASELINE_VALIDATION_CACHE";

    /**
     * The aws-cdk-lib release of this JVM (null when its jar has no manifest version): part of every
     * cache key, and what a validator worker must load.
     */
    static final String CDK_RELEASE = App.class.getPackage().getImplementationVersion();

    private static final Set<IConstruct> REGISTERED = Collections.newSetFromMap(new WeakHashMap<>());

    /**
     * The one instance every app of this JVM gets, built on first use. Each instance holds the CDK's
     * rule engine in jsii's node process, about 110 MB before its first template and 250 to 300 MB
     * after, and jsii never frees it; the CDK shares its default instance the same way.
     */
    private static NestedStackValidation shared;

    private final TemplateChecks checks;

    private NestedStackValidation(ValidationWorkers workers, ValidationCache cache) {
        super();
        this.checks = new TemplateChecks(workers, cache);
    }

    /**
     * Validates nested stack templates in the app {@code scope} belongs to, once per app, unless
     * {@code CDK_VALIDATION=false}. Does nothing when the root of the tree is not an {@link App}.
     */
    public static void addTo(IConstruct scope) {
        addTo(scope, System.getenv(SWITCH));
    }

    static void addTo(IConstruct scope, String validationSwitch) {
        addTo(scope, validationSwitch, NestedStackValidation::shared);
    }

    /** The same with a plugin of its own, validating through {@code workers}, without a cache. */
    static void addTo(IConstruct scope, String validationSwitch, ValidationWorkers workers) {
        addTo(scope, validationSwitch, () -> new NestedStackValidation(workers, ValidationCache.off()));
    }

    /**
     * A plugin of its own, for tests: each holds a rule engine in jsii's node process for good, so a
     * test class shares one.
     */
    static NestedStackValidation of(ValidationWorkers workers, ValidationCache cache) {
        return new NestedStackValidation(workers, cache);
    }

    /** The same with {@code plugin}. */
    static void addTo(IConstruct scope, String validationSwitch, NestedStackValidation plugin) {
        addTo(scope, validationSwitch, () -> plugin);
    }

    int validated() {
        return checks.validated();
    }

    /**
     * Validates the app's templates, nested ones too, in {@code workers} started with the JVM (see
     * {@link ValidationWorkers#prestart}), so the synth's node process never builds a rule engine;
     * with none started, as {@link #addTo(IConstruct)} does. For an app whose synth has the CDK's
     * default validator off ({@link #APP_SWITCH}), else top-level templates are validated twice.
     */
    static void addBesideTheSynth(IConstruct scope, ValidationWorkers workers) {
        addTo(scope, "true", () -> workers.prestarted()
                ? new ValidationBesideTheSynth(workers, ValidationCache.fromEnvironment())
                : shared());
    }

    private static void addTo(IConstruct scope, String validationSwitch, Supplier<IPolicyValidationPlugin> plugin) {
        if ("false".equals(validationSwitch)) {
            return;
        }
        IConstruct root = scope.getNode().getRoot();
        if (!App.isApp(root)) {
            return;
        }
        synchronized (REGISTERED) {
            if (REGISTERED.add(root)) {
                Validations.of(root).addPlugins(plugin.get());
            }
        }
    }

    private static synchronized NestedStackValidation shared() {
        if (shared == null) {
            shared = new NestedStackValidation(ValidationWorkers.forThisMachine(), ValidationCache.fromEnvironment());
        }
        return shared;
    }

    /**
     * Each template's findings, from the cache or validated alone (in workers when they pay), merged
     * as one call over all the templates lists them.
     */
    @Override
    public PolicyValidationPluginReport validate(IPolicyValidationContext context) {
        return checks.report(context, getVersion(), one -> super.validate(one).getViolations());
    }
}
