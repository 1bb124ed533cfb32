package io.github.opsbaseline.gates;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.testing.ProjectPaths;
import io.github.opsbaseline.testing.SynthesizedEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AWS Control Tower proactive controls, as cfn-guard rules, over every synthesized template.
 * The binary and the rules come from {@code npm ci}; if they are missing the test fails, it never
 * skips, because a gate that silently does not run proves nothing.
 */
class CfnGuardGateTest {

    static Path binary() {
        return ProjectPaths.cfnGuardPackage().resolve("bin/ubuntu/x86_64/cfn-guard");
    }

    static Path rules() {
        return ProjectPaths.cfnGuardPackage().resolve("rules/control-tower/cfn-guard");
    }

    /**
     * Rules the baseline breaks by design, each with its reason. The rest run on every template;
     * {@link #everyExemptionIsStillNeeded} fails when an exempted rule starts passing, so an
     * exemption cannot outlive its reason.
     */
    static final Map<String, String> EXEMPT = new java.util.TreeMap<>(Map.of(
            "ct-guardduty-pr-1.guard", "CT.GUARDDUTY.PR.1 asks for the legacy DataSources.S3Logs block, but GuardDuty"
                    + " refuses DataSources next to Features; S3 protection is on, as the S3_DATA_EVENTS feature"));

    static Stream<String> environments() {
        return SynthesizedEnvironment.environments().stream();
    }

    /** {@code --rules <file>} for every Control Tower rule file except the exempted ones. */
    static java.util.List<String> ruleArguments(boolean exempted) throws IOException {
        java.util.List<String> args = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(rules())) {
            for (Path f : files.filter(f -> f.toString().endsWith(".guard")).sorted().toList()) {
                if (EXEMPT.containsKey(f.getFileName().toString()) == exempted) {
                    args.add("--rules");
                    args.add(f.toString());
                }
            }
        }
        return args;
    }

    static int guard(Path template, java.util.List<String> rules, StringBuilder output) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(binary().toString(), "validate"));
        command.addAll(rules);
        command.addAll(java.util.List.of("--data", template.toString(), "--show-summary", "fail",
                "--output-format", "single-line-summary"));
        Process guard = new ProcessBuilder(command).redirectErrorStream(true).start();
        output.append(new String(guard.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return guard.waitFor();
    }

    @Test
    void theRulesAndTheBinaryAreInstalled() throws IOException {
        assertThat(binary()).as("cfn-guard binary (npm ci installs it)").isExecutable();
        try (Stream<Path> files = Files.walk(rules())) {
            assertThat(files.filter(f -> f.toString().endsWith(".guard")).count())
                    .as("Control Tower guard rules").isGreaterThan(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void everyTemplatePassesEveryControlTowerRule(String environment) throws Exception {
        SynthesizedEnvironment synthesized = SynthesizedEnvironment.of(environment);
        for (Map.Entry<String, String> template : synthesized.templates().entrySet()) {
            Path file = synthesized.outdir().resolve(template.getKey() + ".template.json");
            assertThat(file).exists();

            StringBuilder output = new StringBuilder();
            int exit = guard(file, ruleArguments(false), output);

            assertThat(exit).as("cfn-guard on %s:%n%s", template.getKey(), tail(output.toString())).isZero();
        }
    }

    @Test
    void everyExemptionIsStillNeeded() throws Exception {
        SynthesizedEnvironment prod = SynthesizedEnvironment.of("prod");
        StringBuilder output = new StringBuilder();
        boolean fails = false;
        for (String stack : prod.templates().keySet()) {
            fails |= guard(prod.outdir().resolve(stack + ".template.json"), ruleArguments(true), output) != 0;
        }
        assertThat(fails).as("the exempted rules %s now pass on prod: remove them from EXEMPT", EXEMPT.keySet()).isTrue();
    }

    private static String tail(String output) {
        return output.length() > 6000 ? "..." + output.substring(output.length() - 6000) : output;
    }
}
