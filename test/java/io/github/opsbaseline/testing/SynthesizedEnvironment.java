package io.github.opsbaseline.testing;

import io.github.opsbaseline.app.BaselineStacks;
import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.core.NestedTemplates;
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
 * @param templates template file text by stack name, in stack order, each stack followed by its nested
 *     stacks (named by {@link NestedTemplates#name})
 */
public record SynthesizedEnvironment(String environment, EnvironmentConfig config, BaselineStacks stacks,
                                     Path outdir, Map<String, String> templates) {

    private static final Map<String, SynthesizedEnvironment> CACHE = new ConcurrentHashMap<>();

    /** The file of a template named in {@link #templates()}, in {@code outdir}. */
    public Path file(String template) {
        Path top = outdir.resolve(template + ".template.json");
        return Files.exists(top) ? top : outdir.resolve(template + NestedTemplates.SUFFIX);
    }

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
                for (String nested : NestedTemplates.of(outdir, file.getFileName().toString())) {
                    templates.put(NestedTemplates.name(nested), Files.readString(outdir.resolve(nested)));
                }
            }
            return new SynthesizedEnvironment(environment, config, stacks, outdir, templates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
