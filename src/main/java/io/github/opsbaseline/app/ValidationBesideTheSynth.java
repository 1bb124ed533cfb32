package io.github.opsbaseline.app;

import java.util.List;
import software.amazon.awscdk.CloudFormationValidatePlugin;
import software.amazon.awscdk.IPolicyValidationContext;
import software.amazon.awscdk.IPolicyValidationPlugin;
import software.amazon.awscdk.PolicyValidationPluginReport;

/**
 * The CDK's template validator run in workers the JVM started before the app built anything ({@link
 * ValidationWorkers#prestart}), over every template, nested ones too: the same rules, severities,
 * report and verdict as {@link NestedStackValidation}, but the rule engine and its schemas (about
 * 4.7 s in the synth's node process, 2.2 s in a single-threaded worker) are built beside the app's
 * construction, instead of after it in the synth's node process. It does not extend the CDK's
 * plugin, whose constructor builds that engine in the synth's node process; for the same reason the
 * CDK's default plugin must be off there ({@code bin/app} sets {@code CDK_VALIDATION=false} for it,
 * see {@link NestedStackValidation#APP_SWITCH}).
 *
 * <p>Where the workers cannot run (another aws-cdk-lib, none, a worker failing) it says so in one
 * line on stderr and validates with the CDK's plugin in the synth's process, built then.
 */
final class ValidationBesideTheSynth implements IPolicyValidationPlugin {

    private final ValidationWorkers workers;
    private final TemplateChecks checks;
    /** The CDK's plugin in the synth's node process, built only when the workers cannot validate. */
    private CloudFormationValidatePlugin inProcess;
    /** The engine that validates: the workers', else the in-process plugin's; asked for once. */
    private ValidationWorkers.Engine engine;

    ValidationBesideTheSynth(ValidationWorkers workers, ValidationCache cache) {
        this.workers = workers;
        this.checks = new TemplateChecks(workers, cache);
    }

    /** The CDK's plugin's own name, so reports, acknowledgements and the CLI treat both alike. */
    @Override
    public String getName() {
        return CloudFormationValidatePlugin.PLUGIN_NAME;
    }

    /**
     * The rule engine's version, as the CDK's plugin gives it. The CDK reads it, and the rule ids, for
     * its analytics metadata while it prepares the stacks, and for the report: asking waits for the
     * workers' engine (a synth would wait for it to validate anyway).
     */
    @Override
    public String getVersion() {
        return engine().version();
    }

    @Override
    public List<String> getRuleIds() {
        return engine().ruleIds();
    }

    @Override
    public PolicyValidationPluginReport validate(IPolicyValidationContext context) {
        return checks.report(context, getVersion(), one -> inProcess().validate(one).getViolations());
    }

    private ValidationWorkers.Engine engine() {
        if (engine == null) {
            engine = workers.engine().orElseGet(() -> new ValidationWorkers.Engine(inProcess().getVersion(),
                    inProcess().getRuleIds()));
        }
        return engine;
    }

    int validated() {
        return checks.validated();
    }

    private CloudFormationValidatePlugin inProcess() {
        if (inProcess == null) {
            inProcess = new CloudFormationValidatePlugin();
        }
        return inProcess;
    }
}
