package io.github.opsbaseline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.testing.ProjectPaths;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/app}, what {@code cdk synth} runs: it starts java with {@code bin/jvm.options}, passes the
 * app's exit code through, and its class-data archive can fail or go bad without failing a synth.
 *
 * <p>The script runs in a copy of the project (its bin/, stacks-config/, compiled classes and a
 * prepared classpath), so no Maven starts and the project's own target/ is left alone. The app is
 * asked for an unknown environment, which ends it before jsii starts; {@code JDK_JAVA_OPTIONS} makes
 * the JVM print the flags it was started with.
 */
class AppScriptTest {

    private static final String UNKNOWN_ENV = "stacks-config/nope.json: $: unknown environment \"nope\":"
            + " expected one of [dev, prod, staging] (the environment files in stacks-config)";

    @Test
    void jvmOptionsHoldOneOptionPerLineAndTheScriptReadsTheSame() throws Exception {
        List<String> lines = Files.readAllLines(ProjectPaths.root().resolve("bin/jvm.options"));

        List<String> options = lines.stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        assertThat(options).isNotEmpty().allSatisfy(o -> assertThat(o).startsWith("-").doesNotContainAnyWhitespaces());
        Run read = run(ProjectPaths.root(), Map.of(), "bash", "-c", "source bin/classpath.sh && ops_baseline_jvm_options");
        assertThat(read.exitCode()).isZero();
        assertThat(read.stdout().lines()).containsExactlyElementsOf(options);
    }

    @Test
    void binAppStartsJavaWithTheOptionsAndPassesTheExitCodeThrough() throws Exception {
        // GIVEN a copy of the project without a class-data archive
        Path project = projectCopy();

        // WHEN bin/app is asked for an environment that does not exist
        Run run = binApp(project);

        // THEN the app's own exit code and message come back, from a JVM with every option of the file
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(appLines(run)).containsExactly(UNKNOWN_ENV);
        assertThat(flags(run)).containsAll(options(project))
                // a first run records the classes it loads, for the archive of the next runs
                .contains("-XX:DumpLoadedClassList=target/app.classlist");
    }

    @Test
    void anArchiveTheJvmCannotMapIsSkippedAndTheRunGoesOn() throws Exception {
        // GIVEN an archive that is garbage but stamped for this classpath
        Path project = projectCopy();
        Files.write(project.resolve("target/app.jsa"), new byte[4096]);
        Files.writeString(project.resolve("target/app.jsa.stamp"), stamp(project) + "\n");

        // WHEN
        Run run = binApp(project);

        // THEN the JVM was offered the archive, ignored it, and the app ran as usual
        assertThat(flags(run)).contains("-XX:SharedArchiveFile=target/app.jsa");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(appLines(run)).containsExactly(UNKNOWN_ENV);
    }

    @Test
    void aFailedArchiveDumpNeverFailsTheRunAndIsNotRetried() throws Exception {
        // GIVEN a class list of a run that got far enough, but corrupt (as a killed run can leave it)
        Path project = projectCopy();
        Files.writeString(project.resolve("target/app.classlist"),
                "io/github/opsbaseline/app/BaselineStacks id: x\nio/github/opsbaseline/app/BaselineStacks\n");
        Files.writeString(project.resolve("target/app.classlist.stamp"), stamp(project) + "\n");

        // WHEN bin/app runs twice
        Run first = binApp(project);
        Run second = binApp(project);

        // THEN the dump failed, was recorded as failed, and both runs went on without an archive
        assertThat(Files.readString(project.resolve("target/app.jsa.stamp"))).startsWith("failed ");
        assertThat(project.resolve("target/app.jsa")).doesNotExist();
        for (Run run : List.of(first, second)) {
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(appLines(run)).containsExactly(UNKNOWN_ENV);
            assertThat(flags(run)).containsAll(options(project))
                    .noneMatch(f -> f.startsWith("-XX:SharedArchiveFile") || f.startsWith("-XX:DumpLoadedClassList"));
        }
    }

    @Test
    void binAppHandsTheUsersValidatorSwitchToTheAppAndTurnsTheSynthsDefaultValidatorOff() throws Exception {
        // GIVEN a java on the PATH that prints the two switches it was started with
        Path project = projectCopy();
        Path fakeBin = Files.createDirectories(project.resolve("fake-bin"));
        Path java = fakeBin.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\n"
                + "echo \"CDK_VALIDATION=${CDK_VALIDATION-unset} OPS_BASELINE_VALIDATION=${OPS_BASELINE_VALIDATION-unset}\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        String path = fakeBin + File.pathSeparator + System.getenv("PATH");

        // WHEN bin/app runs with the CDK's validator switch unset, false, and true
        Run unset = run(project, Map.of("PATH", path), "env", "-u", "CDK_VALIDATION", "bash", "bin/app");
        Run off = run(project, Map.of("PATH", path, "CDK_VALIDATION", "false"), "bash", "bin/app");
        Run on = run(project, Map.of("PATH", path, "CDK_VALIDATION", "true"), "bash", "bin/app");

        // THEN the synth's node process always gets false, the app what the user said (unset is on)
        assertThat(unset.stdout().lines()).containsExactly("CDK_VALIDATION=false OPS_BASELINE_VALIDATION=true");
        assertThat(off.stdout().lines()).containsExactly("CDK_VALIDATION=false OPS_BASELINE_VALIDATION=false");
        assertThat(on.stdout().lines()).containsExactly("CDK_VALIDATION=false OPS_BASELINE_VALIDATION=true");
        // and the app validates in its workers only as bin/app starts it, as the CDK reads the switch
        assertThat(OpsBaselineApp.validatesBesideTheSynth("true", "false")).isTrue();
        assertThat(OpsBaselineApp.validatesBesideTheSynth(" false", "false")).isTrue();
        assertThat(OpsBaselineApp.validatesBesideTheSynth("false", "false")).as("the user's switch off").isFalse();
        assertThat(OpsBaselineApp.validatesBesideTheSynth(null, "false")).as("not started by bin/app").isFalse();
        assertThat(OpsBaselineApp.validatesBesideTheSynth("true", null)).as("the default validator on too").isFalse();
    }

    /** bin/, stacks-config/, pom.xml, an empty src/main, target/classes and a prepared classpath. */
    private static Path projectCopy() throws IOException {
        Path root = ProjectPaths.root();
        Path copy = Files.createTempDirectory("ops-baseline-app-");
        copyTree(root.resolve("bin"), copy.resolve("bin"));
        copyTree(root.resolve("stacks-config"), copy.resolve("stacks-config"));
        copyTree(root.resolve("target/classes"), copy.resolve("target/classes"));
        Files.copy(root.resolve("pom.xml"), copy.resolve("pom.xml"));
        Files.createDirectories(copy.resolve("src/main"));
        // the jars this test runs on include the app's runtime ones; bin/app compiles when this file
        // is older than pom.xml or src/main, so it is written last
        String jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar")).collect(Collectors.joining(File.pathSeparator));
        Path classpath = copy.resolve("target/app-classpath.txt");
        Files.writeString(classpath, jars);
        classpath.toFile().setLastModified(System.currentTimeMillis() + 2_000);
        return copy;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static List<String> options(Path project) throws IOException {
        return Files.readAllLines(project.resolve("bin/jvm.options")).stream().map(String::strip)
                .filter(l -> l.startsWith("-XX:")).toList();
    }

    /** The stamp bin/app keys its class list and archive by, for this copy's classpath. */
    private static String stamp(Path project) throws Exception {
        Run run = run(project, Map.of(), "bash", "-c",
                "source bin/classpath.sh && ops_baseline_cds_stamp \"$(ops_baseline_app_classpath)\"");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run.stdout().strip();
    }

    private static Run binApp(Path project) throws Exception {
        Map<String, String> env = new TreeMap<>();
        env.put("CDK_CONTEXT_JSON", "{\"env\":\"nope\"}");
        env.put("JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags");
        return run(project, env, "bash", "bin/app");
    }

    /** The flags the JVM reports it was started with (-XX:+PrintCommandLineFlags prints them first). */
    private static List<String> flags(Run run) {
        return run.stdout().lines().filter(l -> l.startsWith("-XX:")).findFirst()
                .map(l -> List.of(l.strip().split(" "))).orElse(List.of());
    }

    /** stderr without the launcher's note about JDK_JAVA_OPTIONS. */
    private static List<String> appLines(Run run) {
        return run.stderr().lines().filter(l -> !l.startsWith("NOTE: Picked up JDK_JAVA_OPTIONS")).toList();
    }

    private record Run(int exitCode, String stdout, String stderr) { }

    private static Run run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        // both streams read at once, so neither pipe can fill up and block the child
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        return new Run(process.waitFor(), out, err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
