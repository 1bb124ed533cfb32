package io.github.opsbaseline.testing;

import io.github.opsbaseline.app.BaselineStacks;
import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * One environment of {@code stacks-config/} synthesized the way {@code cdk synth} does it (the CDK's
 * template validator strict, compliance packs applied), cached so the gate tests share one synth.
 *
 * @param templates template file text by stack name, in stack order
 */
public record SynthesizedEnvironment(String environment, EnvironmentConfig config, BaselineStacks stacks,
                                     Path outdir, Map<String, String> templates) {

    private static final Map<String, SynthesizedEnvironment> CACHE = new ConcurrentHashMap<>();

    /** The environments {@code stacks-config/} defines. */
    public static List<String> environments() {
        return new ConfigLoader(ProjectPaths.stacksConfig()).environments();
    }

    /** The shared synth of {@code environment}. */
    public static SynthesizedEnvironment of(String environment) {
        return CACHE.computeIfAbsent(environment, SynthesizedEnvironment::synthesize);
    }

    /** A fresh synth of {@code environment}, in a new App and a new output directory. */
    public static SynthesizedEnvironment synthesize(String environment) {
        EnvironmentConfig config = new ConfigLoader(ProjectPaths.stacksConfig()).load(environment);
        try {
            Path outdir = Files.createTempDirectory("ops-baseline-" + environment + "-");
            App app = TestApps.app(outdir);
            BaselineStacks stacks = BaselineStacks.create(app, config);
            CloudAssembly assembly = app.synth();
            Map<String, String> templates = new LinkedHashMap<>();
            for (Stack stack : stacks.all()) {
                Path file = Path.of(assembly.getStackByName(stack.getStackName()).getTemplateFullPath());
                templates.put(stack.getStackName(), Files.readString(file));
            }
            return new SynthesizedEnvironment(environment, config, stacks, outdir, templates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
