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

    static Stream<String> environments() {
        return SynthesizedEnvironment.environments().stream();
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

            Process guard = new ProcessBuilder(binary().toString(), "validate", "--rules", rules().toString(),
                    "--data", file.toString(), "--show-summary", "fail", "--output-format", "single-line-summary")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(guard.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = guard.waitFor();

            assertThat(exit).as("cfn-guard on %s:%n%s", template.getKey(), tail(output)).isZero();
        }
    }

    private static String tail(String output) {
        return output.length() > 6000 ? "..." + output.substring(output.length() - 6000) : output;
    }
}
