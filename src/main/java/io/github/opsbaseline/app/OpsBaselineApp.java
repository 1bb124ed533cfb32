package io.github.opsbaseline.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.config.ConfigException;
import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.core.TemplateLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.App;

/**
 * The CDK app: {@code -c env=<name>} (default {@code dev}) or {@code -c env=all} picks the
 * environment files of {@code stacks-config/}; each becomes its stacks.
 *
 * <p>The configuration is loaded and validated before the CDK starts, so a bad file costs no jsii
 * start-up and writes nothing: the problems go to stderr, one line each, and the exit code is 1.
 */
public final class OpsBaselineApp {

    /** Context key choosing the environment. */
    public static final String ENV_CONTEXT = "env";
    /** Context key of the directory of environment files; default {@code stacks-config}. */
    public static final String CONFIG_DIR_CONTEXT = "configDir";
    public static final String ALL = "all";

    private OpsBaselineApp() { }

    public static void main(String[] args) {
        JsonNode context = cliContext();
        String env = text(context, ENV_CONTEXT, "dev");
        Path dir = Path.of(text(context, CONFIG_DIR_CONTEXT, "stacks-config"));
        List<EnvironmentConfig> configs;
        try {
            configs = load(dir, env);
        } catch (ConfigException e) {
            e.lines().forEach(System.err::println);
            System.exit(1);
            return;
        }
        ValidationWorkers workers;
        try {
            // read now, so a bad value stops the synth before anything is built, with one line
            workers = ValidationWorkers.forThisMachine();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        App app = app(workers);
        configs.forEach(config -> BaselineStacks.create(app, config));
        synthOrExit(app);
        workers.close();
    }

    /**
     * The app every synth of the baseline starts from ({@link #strictValidation}); when {@code bin/app}
     * started this process, validating its templates beside the synth in {@code workers}, the first
     * of which starts now, before jsii, so that it builds its rule engine while the app builds its
     * stacks (see {@link #validatesBesideTheSynth}).
     */
    static App app(ValidationWorkers workers) {
        boolean besideTheSynth = validatesBesideTheSynth(System.getenv(NestedStackValidation.APP_SWITCH),
                System.getenv(NestedStackValidation.SWITCH));
        if (besideTheSynth) {
            workers.prestart();
        }
        App app = App.Builder.create().postCliContext(strictValidation()).build();
        if (besideTheSynth) {
            NestedStackValidation.addBesideTheSynth(app, workers);
        }
        return app;
    }

    /**
     * Whether the app validates its templates in workers of its own: when {@code bin/app} started it,
     * that is {@code appSwitch} (see {@link NestedStackValidation#APP_SWITCH}) is set and the CDK's
     * default validator is off in this process and its node child ({@code cdkSwitch} is
     * {@code false}), and the user's {@code CDK_VALIDATION} that {@code appSwitch} carries is not
     * false. Otherwise the app validates as any CDK app does (with the default validator on as well,
     * the templates would be validated twice).
     */
    static boolean validatesBesideTheSynth(String appSwitch, String cdkSwitch) {
        return appSwitch != null && !"false".equals(appSwitch) && "false".equals(cdkSwitch);
    }

    /**
     * Synthesizes; when the CDK's template validator refuses a template, prints every reason it gave
     * (the report is in the output directory) and exits 1 instead of dumping a jsii stack trace. A
     * template over CloudFormation's limits (see {@link TemplateLimits}) also exits 1, one line each.
     */
    public static void synthOrExit(App app) {
        try {
            List<String> problems = TemplateLimits.violations(Path.of(app.synth().getDirectory()));
            if (!problems.isEmpty()) {
                problems.forEach(p -> System.err.println("over CloudFormation's limits: " + p));
                System.exit(1);
            }
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("ValidationFailed")) {
                throw e;
            }
            // An invalid template is the library's fault, not the user's: say so, without a trace.
            verdict(e.getMessage()).forEach(line -> System.err.println("synth refused by the CDK's template validator: " + line));
            System.exit(1);
        }
    }

    /**
     * The validator's verdict from a jsii error message: every line before jsii repeats it and the
     * node stack begins, so the reasons listed under "Validation failed with the following errors"
     * are kept, not only the first line.
     */
    static List<String> verdict(String message) {
        return String.valueOf(message).lines()
                .takeWhile(l -> !l.startsWith("@jsii/kernel") && !l.stripLeading().startsWith("at "))
                .filter(l -> !l.isBlank()).map(String::strip).toList();
    }

    /**
     * Context every synth of the baseline gets, whatever cdk.json or {@code -c} say.
     *
     * <p>The CDK CLI sets {@code @aws-cdk/core:failSynthOnValidationErrors} to false and reports
     * violations itself; forcing it true (with {@code validateAgainstDefaultRules}) makes an invalid
     * template fail every synth, from the CLI, CI or a test alike ({@code CDK_VALIDATION=false}
     * still turns validation off). Cross-stack references are pinned to "strong" (exports the
     * producer cannot delete while used), the behaviour deployed stacks already have, instead of
     * a warning on every consuming stack.
     */
    public static java.util.Map<String, Object> strictValidation() {
        java.util.Map<String, Object> context = new java.util.TreeMap<>();
        context.put("@aws-cdk/core:defaultCrossStackReferences", "strong");
        context.put("@aws-cdk/core:failSynthOnValidationErrors", true);
        context.put("@aws-cdk/core:validateAgainstDefaultRules", true);
        return context;
    }

    /** The configurations {@code env} names: one environment, or every one for {@code all}. */
    public static List<EnvironmentConfig> load(Path dir, String env) {
        ConfigLoader loader = new ConfigLoader(dir);
        return ALL.equals(env) ? loader.loadAll() : List.of(loader.load(env));
    }

    /**
     * The context the CDK CLI hands the app (cdk.json merged with {@code -c}), read without starting
     * jsii. Large contexts arrive in a file named by {@code CDK_CONTEXT_OVERFLOW_LOCATION}.
     */
    private static JsonNode cliContext() {
        ObjectMapper mapper = new ObjectMapper();
        try {
            String overflow = System.getenv("CDK_CONTEXT_OVERFLOW_LOCATION");
            if (overflow != null && Files.isRegularFile(Path.of(overflow))) {
                return mapper.readTree(Files.readString(Path.of(overflow)));
            }
            String json = System.getenv("CDK_CONTEXT_JSON");
            return json == null ? mapper.createObjectNode() : mapper.readTree(json);
        } catch (IOException e) {
            System.err.println("cannot read the CDK context: " + e.getMessage());
            System.exit(1);
            return null;
        }
    }

    private static String text(JsonNode context, String key, String fallback) {
        JsonNode value = context.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            System.err.println("context " + key + ": expected a non-empty string, found " + value);
            System.exit(1);
        }
        return value.asText();
    }
}
