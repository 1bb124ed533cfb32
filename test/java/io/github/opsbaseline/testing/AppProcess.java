package io.github.opsbaseline.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.app.OpsBaselineApp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the app's entry point in its own JVM, the way the CDK CLI does: context in
 * {@code CDK_CONTEXT_JSON}, output directory in {@code CDK_OUTDIR}.
 */
public final class AppProcess {

    /** What the process did. */
    public record Result(int exitCode, String stdout, String stderr) { }

    private AppProcess() { }

    public static Result run(Path outdir, Map<String, Object> extraContext) throws IOException, InterruptedException {
        return run(outdir, extraContext, Map.of());
    }

    /** The same, with {@code environment} added to the process's environment variables. */
    public static Result run(Path outdir, Map<String, Object> extraContext, Map<String, String> environment)
            throws IOException, InterruptedException {
        return run(ProjectPaths.root(), outdir, extraContext, environment);
    }

    /** The same, run in {@code workingDirectory} instead of the project's. */
    public static Result run(Path workingDirectory, Path outdir, Map<String, Object> extraContext,
            Map<String, String> environment) throws IOException, InterruptedException {
        Map<String, Object> context = new TreeMap<>(TestApps.context());
        context.put("aws:cdk:version-reporting", false);
        context.putAll(extraContext);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OpsBaselineApp.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().put("CDK_CONTEXT_JSON", new ObjectMapper().writeValueAsString(context));
        builder.environment().put("CDK_OUTDIR", outdir.toString());
        builder.environment().put("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        builder.environment().put("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        // Read both streams concurrently so neither pipe can fill up and block the child.
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread errReader = new Thread(() -> {
            try {
                err.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.completeExceptionally(e);
            }
        });
        errReader.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        errReader.join();
        return new Result(exit, out, err.join());
    }
}
