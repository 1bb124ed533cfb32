package io.github.opsbaseline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.testing.AppProcess;
import io.github.opsbaseline.testing.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The entry point as the CDK CLI runs it: a bad choice or a bad file ends cleanly, writing nothing. */
class OpsBaselineAppTest {

    @Test
    void anUnknownEnvironmentExitsNonZeroWithOneLineAndNoStackTrace() throws Exception {
        Path outdir = Files.createTempDirectory("app-").resolve("cdk.out");

        AppProcess.Result result = AppProcess.run(outdir, Map.of("env", "nope"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).containsExactly("stacks-config/nope.json: $: unknown environment \"nope\":"
                + " expected one of [dev, prod, staging] (the environment files in stacks-config)");
        assertThat(outdir).doesNotExist();
    }

    @Test
    void aBadNumberOfValidatorWorkersExitsNonZeroWithOneLineAndWritesNothing() throws Exception {
        Path outdir = Files.createTempDirectory("app-").resolve("cdk.out");

        AppProcess.Result result = AppProcess.run(outdir, Map.of("env", "dev"),
                Map.of(ValidationWorkers.SWITCH, "two"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).containsExactly(
                "OPS_BASELINE_VALIDATION_WORKERS: expected a number of workers (0 or more), found \"two\"");
        assertThat(outdir).doesNotExist();
    }

    @Test
    void startedAsBinAppStartsItTheAppValidatesInAWorkerAndWritesWhatAnyCdkAppWrites() throws Exception {
        // GIVEN version reporting on, so the CDK also asks the validator for its version and rule ids
        Map<String, Object> context = Map.of("env", "dev", "aws:cdk:version-reporting", true,
                "configDir", ProjectPaths.root().resolve("stacks-config").toString());
        Map<String, String> binApp = Map.of(NestedStackValidation.SWITCH, "false", NestedStackValidation.APP_SWITCH, "true",
                ValidationCache.SWITCH, "off", ValidationWorkers.SWITCH, "2");
        Path root = Files.createTempDirectory("app-");

        // WHEN dev is synthesized as bin/app starts the app (the CDK's default validator off in jsii's
        // node process, the user's switch moved to the app's), as any CDK app validates, and as bin/app
        // starts it where no worker can run (no aws-cdk-lib under the working directory)
        AppProcess.Result beside = AppProcess.run(root.resolve("beside"), context, binApp);
        AppProcess.Result inNode = AppProcess.run(root.resolve("in-node"), context, Map.of(ValidationCache.SWITCH, "off"));
        Path nowhere = Files.createDirectories(root.resolve("no-node-modules"));
        AppProcess.Result fallback = AppProcess.run(nowhere, root.resolve("fallback"), context, binApp);

        // THEN each writes the same files, byte for byte: the validation report, and the templates'
        // analytics metadata, which holds the validator's name, engine version and rule ids
        assertThat(beside.exitCode()).as(beside.stderr()).isZero();
        assertThat(inNode.exitCode()).as(inNode.stderr()).isZero();
        assertThat(fallback.exitCode()).as(fallback.stderr()).isZero();
        assertThat(beside.stderr()).doesNotContain("template validator");
        assertThat(fallback.stderr().lines().filter(l -> l.startsWith("template validator")))
                .containsExactly("template validator workers not used (no aws-cdk-lib under " + nowhere.toRealPath()
                        + "); validating in the synth's process. aws-cdk-lib " + NestedStackValidation.CDK_RELEASE
                        + " in the node_modules of " + nowhere.toRealPath() + " lets a worker validate beside the synth");
        Map<String, String> expected = files(root.resolve("in-node"));
        assertThat(expected).containsKey("validation-report.json");
        assertThat(expected.get("django-ms-dev-monitoring.template.json")).contains("\"CDKMetadata\"");
        assertThat(files(root.resolve("beside"))).isEqualTo(expected);
        assertThat(files(root.resolve("fallback"))).isEqualTo(expected);
    }

    @Test
    void theEmptyAppOfTheStricterFloorValidatesBesideItsJvm() throws Exception {
        // GIVEN the empty app started as bin/app starts the baseline
        Path outdir = Files.createTempDirectory("app-").resolve("cdk.out");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmptyAppBesideTheSynth.class.getName())
                .directory(ProjectPaths.root().toFile()).redirectErrorStream(true);
        builder.environment().putAll(Map.of("CDK_OUTDIR", outdir.toString(), NestedStackValidation.SWITCH, "false",
                NestedStackValidation.APP_SWITCH, "true", ValidationWorkers.SWITCH, "2"));

        // WHEN it runs
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        // THEN its one template was validated, by a worker (no line saying the workers were not used)
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(outdir.resolve("Empty.template.json")).exists();
        assertThat(outdir.resolve("validation-report.json")).exists();
        assertThat(output).doesNotContain("template validator");
    }

    /** Every file of an assembly by its relative path, with its text. */
    private static Map<String, String> files(Path assembly) throws java.io.IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> all = Files.walk(assembly)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(assembly.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }

    @Test
    void aBadFileExitsNonZeroWithOneLinePerProblemAndWritesNothing() throws Exception {
        // GIVEN a copy of the environment files with two mistakes in one of them
        Path dir = Files.createTempDirectory("cfg-");
        try (Stream<Path> files = Files.list(ProjectPaths.stacksConfig())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.writeString(dir.resolve("qa.json"),
                "{ \"extends\": \"dev\", \"account\": \"1\", \"alerting\": { \"critical\": { \"emails\": [\"ops@\"] } } }");
        Path outdir = dir.resolve("cdk.out");

        // WHEN the app is asked for it
        AppProcess.Result result = AppProcess.run(outdir, Map.of("env", "qa", "configDir", dir.toString()));

        // THEN
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().lines()).containsExactly(
                dir.resolve("qa.json") + ": $.account: not an AWS account id (12 digits): \"1\"",
                dir.resolve("qa.json") + ": $.alerting.critical.emails[0]: not an email address: \"ops@\"");
        assertThat(result.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(outdir).doesNotExist();
    }

    @Test
    void aRefusedTemplateIsReportedWithEveryReasonTheValidatorGaveAndNoNodeStack() {
        // GIVEN a message of the shape jsii gives: the error's own lines, then its repeat and the node stack
        String message = "\nValidationFailedWithErrors: Validation failed with the following errors:\n"
                + "  [shop-prod-backup] Events::Rule Name: expected at most 64 characters\n\n"
                + "@jsii/kernel.RuntimeError: ValidationFailedWithErrors: Validation failed with the following errors:\n"
                + "    at Kernel._Kernel_ensureSync (/tmp/jsii-java-runtime1/lib/program.js:1:71414)\n";
        // THEN each reason is kept, the repeat and the node stack are not
        assertThat(OpsBaselineApp.verdict(message)).containsExactly(
                "ValidationFailedWithErrors: Validation failed with the following errors:",
                "[shop-prod-backup] Events::Rule Name: expected at most 64 characters");
    }

    @Test
    void theCdkJsonTurnsOnTheCdkTemplateValidatorAndDefaultsToDev() throws Exception {
        String cdkJson = Files.readString(ProjectPaths.root().resolve("cdk.json"));

        assertThat(cdkJson).contains("\"@aws-cdk/core:validateAgainstDefaultRules\": true").contains("\"env\": \"dev\"");
    }
}
