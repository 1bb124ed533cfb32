package io.github.opsbaseline.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The AWS Control Tower proactive controls as cfn-guard rules ({@code npm ci} installs the binary and
 * the rules), run over a template. The one place that knows how to call cfn-guard and which rules
 * the baseline breaks by design.
 */
public final class CfnGuard {

    /** What a run printed and its exit code (0: every rule passed or skipped). */
    public record Result(int exitCode, String output) {
        public String tail() {
            return output.length() > 6000 ? "..." + output.substring(output.length() - 6000) : output;
        }
    }

    /**
     * Rules the baseline breaks by design, each with its reason. {@code CfnGuardGateTest} fails when
     * an exempted rule starts passing, so an exemption cannot outlive its reason.
     */
    public static final Map<String, String> EXEMPT = new TreeMap<>(Map.of(
            "ct-guardduty-pr-1.guard", "CT.GUARDDUTY.PR.1 asks for the legacy DataSources.S3Logs block, but GuardDuty"
                    + " refuses DataSources next to Features; S3 protection is on, as the S3_DATA_EVENTS feature"));

    private CfnGuard() { }

    public static Path binary() {
        return ProjectPaths.cfnGuardPackage().resolve("bin/ubuntu/x86_64/cfn-guard");
    }

    public static Path rules() {
        return ProjectPaths.cfnGuardPackage().resolve("rules/control-tower/cfn-guard");
    }

    /** Every rule except the exempted ones. */
    public static Result validate(Path template) throws IOException, InterruptedException {
        return run(template, ruleFiles(false));
    }

    /** Every rule, the exempted ones included: for templates that must not need any exemption. */
    public static Result validateWithoutExemptions(Path template) throws IOException, InterruptedException {
        List<Path> all = new ArrayList<>(ruleFiles(false));
        all.addAll(ruleFiles(true));
        return run(template, all);
    }

    /** Only the exempted rules: proof that each exemption is still needed. */
    public static Result validateExemptedOnly(Path template) throws IOException, InterruptedException {
        return run(template, ruleFiles(true));
    }

    /** The rule files {@link #EXEMPT} names, as found under {@link #rules()}. */
    public static List<Path> exemptedRuleFiles() throws IOException {
        return ruleFiles(true);
    }

    private static List<Path> ruleFiles(boolean exempted) throws IOException {
        try (Stream<Path> files = Files.walk(rules())) {
            return files.filter(f -> f.toString().endsWith(".guard"))
                    .filter(f -> EXEMPT.containsKey(f.getFileName().toString()) == exempted)
                    .sorted().toList();
        }
    }

    private static Result run(Path template, List<Path> rules) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary().toString(), "validate"));
        for (Path rule : rules) {
            command.add("--rules");
            command.add(rule.toString());
        }
        command.addAll(List.of("--data", template.toString(), "--show-summary", "fail",
                "--output-format", "single-line-summary"));
        Process guard = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(guard.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(guard.waitFor(), output);
    }
}
