package io.github.opsbaseline.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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

    /**
     * Rules one resource breaks by design, by rule file and the resource's logical id, each with its
     * reason: the rule still runs over every other resource of the template (on a copy without the
     * exempted ones), and {@code CfnGuardGateTest} fails when the resource starts passing it.
     */
    public static final Map<String, Map<String, String>> EXEMPT_RESOURCES = new TreeMap<>(Map.of(
            "ct-s3-pr-9.guard", Map.of("ConfigComplianceDeliveryBucketB59BF34E", "AWS Config does not deliver to a"
                    + " bucket with Object Lock enabled (AWS::Config::DeliveryChannel); the bucket exists only where"
                    + " the baseline creates the recorder, which a Control Tower account leaves to Control Tower")));

    private CfnGuard() { }

    public static Path binary() {
        return ProjectPaths.cfnGuardPackage().resolve("bin/ubuntu/x86_64/cfn-guard");
    }

    public static Path rules() {
        return ProjectPaths.cfnGuardPackage().resolve("rules/control-tower/cfn-guard");
    }

    /**
     * Every rule except the exempted ones; a rule exempted for some resources runs over a copy of the
     * template without them (both runs must pass, and their output is joined).
     */
    public static Result validate(Path template) throws IOException, InterruptedException {
        ObjectNode document = (ObjectNode)
                new ObjectMapper().readTree(template.toFile());
        Set<String> exemptHere = new TreeSet<>();
        EXEMPT_RESOURCES.forEach((rule, resources) -> resources.keySet().forEach(id -> {
            if (document.path("Resources").has(id)) {
                exemptHere.add(rule);
            }
        }));
        if (exemptHere.isEmpty()) {
            return run(template, ruleFiles(false));
        }
        List<Path> others = ruleFiles(false).stream().filter(f -> !exemptHere.contains(f.getFileName().toString())).toList();
        Result main = run(template, others);
        ObjectNode resources =
                (ObjectNode) document.get("Resources");
        EXEMPT_RESOURCES.values().forEach(exempt -> exempt.keySet().forEach(resources::remove));
        Path without = Files.createTempFile("guard-without-exempted-", ".json");
        Files.writeString(without, document.toString());
        Result rest = run(without, ruleFiles(false).stream().filter(f -> exemptHere.contains(f.getFileName().toString())).toList());
        return new Result(main.exitCode() != 0 ? main.exitCode() : rest.exitCode(), main.output() + rest.output());
    }

    /** Only the rules exempted for some resources, over the whole template: proof each exemption is needed. */
    public static Result validateResourceExemptedOnly(Path template) throws IOException, InterruptedException {
        return run(template, ruleFiles(false).stream()
                .filter(f -> EXEMPT_RESOURCES.containsKey(f.getFileName().toString())).toList());
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
