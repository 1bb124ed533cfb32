package io.github.opsbaseline.cost.estimate;

import io.github.opsbaseline.app.BaselineStacks;
import io.github.opsbaseline.app.OpsBaselineApp;
import io.github.opsbaseline.config.ConfigException;
import io.github.opsbaseline.config.EnvironmentConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.App;

/**
 * {@code cost --env <name>|all [--json] [--assembly <cdk.out>] [--config-dir <dir>]}: prints what
 * the baseline of an environment costs per month, from its synthesized templates.
 *
 * <p>Without {@code --assembly} it synthesizes the environment itself, so the estimate always
 * matches the config; with it, it prices the templates already in that cloud assembly.
 */
public final class CostCommand {

    private static final String USAGE = "usage: cost --env <name>|all [--json] [--assembly <cdk.out dir>] [--config-dir <dir>]";

    private CostCommand() { }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String env = "dev";
        boolean json = false;
        Path assembly = null;
        Path configDir = Path.of("stacks-config");
        for (int i = 0; i < args.length; i++) {
            if (List.of("--env", "--assembly", "--config-dir").contains(args[i]) && i + 1 == args.length) {
                err.println(args[i] + " needs a value; " + USAGE);
                return 2;
            }
            switch (args[i]) {
                case "--env" -> env = args[++i];
                case "--json" -> json = true;
                case "--assembly" -> assembly = Path.of(args[++i]);
                case "--config-dir" -> configDir = Path.of(args[++i]);
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("unknown argument \"" + args[i] + "\"; " + USAGE);
                    return 2;
                }
            }
        }
        if (assembly != null && !Files.isRegularFile(assembly.resolve("manifest.json"))) {
            err.println("no cloud assembly at " + assembly + " (expected " + assembly.resolve("manifest.json") + ")");
            return 2;
        }
        List<EnvironmentConfig> configs;
        try {
            configs = OpsBaselineApp.load(configDir, env);
        } catch (ConfigException e) {
            e.lines().forEach(err::println);
            return 1;
        }
        Path dir = assembly != null ? assembly : synthesize(configs);
        TemplateEstimator estimator = new TemplateEstimator(PriceBook.load());
        List<Estimate> estimates = new ArrayList<>();
        for (EnvironmentConfig config : configs) {
            List<TemplateEstimator.StackTemplate> stacks;
            try {
                stacks = stacksOf(dir, config);
            } catch (CloudAssemblyStacks.Unreadable e) {
                err.println(e.getMessage());
                return 1;
            }
            if (stacks.isEmpty()) {
                err.println("no stacks of " + config.environment() + " in " + dir + ": synthesize it first or leave out --assembly");
                return 1;
            }
            estimates.add(estimator.estimate(config.environment(), region(config.region()), stacks, config.cost().assumptions()));
        }
        if (json) {
            out.print(estimates.size() == 1 ? estimates.get(0).json()
                    : "[" + String.join(",", estimates.stream().map(Estimate::json).toList()) + "]" + System.lineSeparator());
        } else {
            out.print(String.join(System.lineSeparator(), estimates.stream().map(Estimate::table).toList()));
        }
        return 0;
    }

    /** Synthesizes the environments into a temporary cloud assembly, as {@code cdk synth} would. */
    static Path synthesize(List<EnvironmentConfig> configs) {
        try {
            Path outdir = Files.createTempDirectory("ops-baseline-cost-");
            App app = App.Builder.create().outdir(outdir.toString()).analyticsReporting(false)
                    .postCliContext(OpsBaselineApp.strictValidation()).build();
            configs.forEach(config -> BaselineStacks.create(app, config));
            OpsBaselineApp.synthOrExit(app);
            return outdir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stacks of {@code config}'s environment in a cloud assembly, found by their tags. */
    static List<TemplateEstimator.StackTemplate> stacksOf(Path assembly, EnvironmentConfig config) {
        return CloudAssemblyStacks.of(assembly, config);
    }

    private static String region(String region) {
        return region == null ? PriceBook.BASE_REGION : region;
    }
}
