package io.github.opsbaseline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.NagPack;
import io.github.opsbaseline.app.NestedStackValidation;
import io.github.opsbaseline.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

class SynthBenchmarkTest {

    @Test
    void defaultsAreTheIssueSizesThreeRunsProdAndBothValidatorSettings() {
        SynthBenchmark.Options o = SynthBenchmark.Options.parse();

        assertThat(o.sizes()).containsExactly(10, 100, 1000);
        assertThat(o.envs()).containsExactly("prod");
        assertThat(o.runs()).isEqualTo(3);
        assertThat(o.validators()).containsExactly("on", "off");
        assertThat(SynthBenchmark.Options.parse("--sizes", "10,100", "--runs", "1", "--envs", "prod,dev", "--validator", "off"))
                .isEqualTo(new SynthBenchmark.Options(List.of(10, 100), List.of("prod", "dev"), 1, List.of("off"), false, false));
        assertThat(o.warm()).isFalse();
        assertThat(SynthBenchmark.Options.parse("--warm", "--sizes", "100").warm()).isTrue();
        assertThat(SynthBenchmark.Options.parse("--sizes", "100", "--warm").sizes()).containsExactly(100);
        assertThat(o.typed()).isFalse();
        assertThat(SynthBenchmark.Options.parse("--typed", "--warm")).extracting(
                SynthBenchmark.Options::typed, SynthBenchmark.Options::warm).containsExactly(true, true);
        assertThatThrownBy(() -> SynthBenchmark.Options.parse("--validator", "maybe")).hasMessageContaining("usage: bench");
        assertThatThrownBy(() -> SynthBenchmark.Options.parse("--sizes")).hasMessageContaining("a value is missing");
    }

    @Test
    void aRunValidatesFromColdUnlessGivenACacheOfItsOwnAndTheCallersShellCannotTurnItOff(@TempDir Path dir) throws Exception {
        assertThat(SynthBenchmark.environment("on", Map.of(), dir, null))
                .containsEntry(NestedStackValidation.CACHE_SWITCH, "off").containsEntry("CDK_VALIDATION", "true");
        assertThat(SynthBenchmark.environment("off", Map.of(), dir, null))
                .containsEntry(NestedStackValidation.CACHE_SWITCH, "off").containsEntry("CDK_VALIDATION", "false");
        assertThat(SynthBenchmark.environment("on", Map.of(), dir, dir.resolve("cache")))
                .containsEntry(NestedStackValidation.CACHE_SWITCH, dir.resolve("cache").toString());
    }

    @Test
    void theTableGivesBothSidesTheirRatioAndEachAgainstItsOwnFloor() {
        String table = SynthBenchmark.table(List.of(
                new SynthBenchmark.Row(SynthBenchmark.FLOOR, "on", 4.0, 2.0, 600, 300, new AssemblyShape(1, 1, 1, 1024), null, null),
                new SynthBenchmark.Row("1,000 services", "on", 30.0, 25.0, 900, 700, new AssemblyShape(12, 5200, 480, 900 * 1024), null, null),
                new SynthBenchmark.Row(SynthBenchmark.FLOOR, "off", 1.0, 0.5, 200, 100, new AssemblyShape(1, 1, 1, 1024), null, null),
                new SynthBenchmark.Row("prod", "off", 5.0, 1.0, 400, 150, new AssemblyShape(5, 700, 501, 2048), null, null)));

        assertThat(table).contains("| synthesized | validator | Java s | JS s | Java/JS | Java x floor | JS x floor |");
        assertThat(table).contains("| empty app (floor) | on | 4.00 | 2.00 | 2.00 | 1.00 | 1.00 | 600 | 300 | 1 | 1 | 1 | 1.0 | within |");
        assertThat(table).contains("| 1,000 services | on | 30.00 | 25.00 | 1.20 | 7.50 | 12.50 | 900 | 700 | 12 | 5,200 | 480 | 900.0 | within |");
        assertThat(table).contains("| prod | off | 5.00 | 1.00 | 5.00 | 5.00 | 2.00 | 400 | 150 | 5 | 700 | 501 | 2.0 | **LIMIT EXCEEDED** |");
    }

    @Test
    void withWarmRunsTheTableGivesTheirMedianInAColumnOfItsOwn() {
        String table = SynthBenchmark.table(List.of(
                new SynthBenchmark.Row(SynthBenchmark.FLOOR, "on", 4.0, 2.0, 600, 300, new AssemblyShape(1, 1, 1, 1024), null, null),
                new SynthBenchmark.Row("prod", "on", 12.0, 8.0, 700, 500, new AssemblyShape(17, 487, 127, 2048), 9.5, null)));

        assertThat(table.lines().toList().get(0)).endsWith("| CloudFormation limits | Java warm s |");
        assertThat(table.lines().toList().get(1)).endsWith("|---|---:|");
        assertThat(table).contains("| empty app (floor) | on | 4.00 | 2.00 | 2.00 | 1.00 | 1.00 | 600 | 300 | 1 | 1 | 1 | 1.0 | within | |")
                .contains("| prod | on | 12.00 | 8.00 | 1.50 | 3.00 | 4.00 | 700 | 500 | 17 | 487 | 127 | 2.0 | within | 9.50 |");
    }

    @Test
    void withTheTypedFixtureTheTableGivesItsMedianRatioAndMemoryInColumnsOfTheirOwn() {
        String table = SynthBenchmark.table(List.of(
                new SynthBenchmark.Row(SynthBenchmark.FLOOR, "off", 1.0, 0.25, 200, 60, new AssemblyShape(1, 1, 1, 1024), null, null),
                new SynthBenchmark.Row("100 services", "off", 12.0, 2.0, 500, 190, new AssemblyShape(133, 4356, 127, 2048), null,
                        new SynthBenchmark.Typed(8.0, 290))));

        assertThat(table.lines().toList().get(0)).endsWith("| CloudFormation limits | JS typed s | Java/JS typed | JS typed peak MiB |");
        assertThat(table.lines().toList().get(1)).endsWith("|---|---:|---:|---:|");
        assertThat(table).contains("| empty app (floor) | off | 1.00 | 0.25 | 4.00 | 1.00 | 1.00 | 200 | 60 | 1 | 1 | 1 | 1.0 | within | | | |")
                .contains("| 100 services | off | 12.00 | 2.00 | 6.00 | 12.00 | 8.00 | 500 | 190 | 133 | 4,356 | 127 | 2.0 | within | 8.00 | 1.50 | 290 |");
    }

    @Test
    void packageJsonPinsTheCdkAndCdkNagReleasesTheJavaSideRuns() throws IOException {
        // what npm ci installs for the fixture must be what the pom gives the Java app, or the
        // benchmark (which checks node_modules too) refuses to run
        JsonNode pins = new ObjectMapper().readTree(ProjectPaths.root().resolve("package.json").toFile()).path("devDependencies");

        assertThat(pins.path("aws-cdk-lib").asText()).isEqualTo(App.class.getPackage().getImplementationVersion());
        assertThat(NagPack.class.getResource("cdk-nag@" + pins.path("cdk-nag").asText() + ".jsii.tgz"))
                .as("the cdk-nag release of package.json is the one the Java side bundles").isNotNull();
    }

    @Test
    void theTypedFixtureGetsTheEnvironmentsPacksAndOneSetPerSynth() {
        assertThat(SynthBenchmark.nagPacks(ProjectPaths.stacksConfig(), "prod"))
                .containsExactly("AwsSolutionsChecks", "HIPAASecurityChecks", "NIST80053R5Checks", "PCIDSS321Checks");
        // the reference environments declare different standards, so one synth of all of them is refused
        assertThatThrownBy(() -> SynthBenchmark.nagPacks(ProjectPaths.stacksConfig(), "all"))
                .hasMessageContaining("--typed measures one set of cdk-nag packs per synth");
    }

    @Test
    void theFixturesRuleChecksAreReadFromItsOwnLine() {
        assertThat(SynthBenchmark.ruleChecks("[WARNING] x\nreplay: cdk-nag rule checks 1234\n")).isEqualTo(1234);
        assertThat(SynthBenchmark.ruleChecks("nothing here\n")).isZero();
    }

    @Test
    void limitsAreCloudFormationsFiveHundredResourcesAndOneMegabytePerTemplate() {
        assertThat(new AssemblyShape(3, 1500, 500, 1_000_000).withinLimits()).isTrue();
        assertThat(new AssemblyShape(3, 1500, 501, 1000).withinLimits()).isFalse();
        assertThat(new AssemblyShape(3, 1500, 10, 1_000_001).withinLimits()).isFalse();
    }

    @Test
    void theShapeCountsEveryTemplateNestedOnesToo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.template.json"), "{\"Resources\":{\"A\":{},\"B\":{},\"C\":{}}}");
        Files.writeString(dir.resolve("aNested1234.nested.template.json"), "{\"Resources\":{\"D\":{}}}");
        Files.writeString(dir.resolve("manifest.json"), "{\"Resources\":{\"X\":{}}}");

        AssemblyShape shape = AssemblyShape.of(dir);

        assertThat(shape.templates()).isEqualTo(2);
        assertThat(shape.resources()).isEqualTo(4);
        assertThat(shape.maxResources()).isEqualTo(3);
        assertThat(shape.maxTemplateBytes()).isEqualTo(Files.size(dir.resolve("a.template.json")));
    }

    @Test
    void theComparisonFindsAChangedValueAMissingKeyAndAMissingTemplate(@TempDir Path dir) throws Exception {
        Path java = assembly(dir, "java",
                "{\"Resources\":{\"T\":{\"Type\":\"AWS::SNS::Topic\",\"Properties\":{\"A\":1,\"B\":[\"x\",\"y\"]}}}}");
        // the same object with its keys in another order is equal
        Path js = assembly(dir, "js",
                "{\"Resources\":{\"T\":{\"Properties\":{\"B\":[\"x\",\"y\"],\"A\":1},\"Type\":\"AWS::SNS::Topic\"}}}");
        assertThat(TemplateComparison.differences(java, js)).isEmpty();

        Files.writeString(js.resolve("s.template.json"),
                "{\"Resources\":{\"T\":{\"Type\":\"AWS::SNS::Topic\",\"Properties\":{\"A\":2,\"B\":[\"y\",\"x\"],\"C\":true}}}}");
        Files.writeString(java.resolve("n.nested.template.json"), "{}");

        assertThat(TemplateComparison.differences(java, js)).containsExactly(
                "n.nested.template.json: written by Java only",
                "s.template.json /Resources/T/Properties/A: 1 | 2",
                "s.template.json /Resources/T/Properties/B/0: \"x\" | \"y\"",
                "s.template.json /Resources/T/Properties/B/1: \"y\" | \"x\"",
                "s.template.json /Resources/T/Properties/C: only in JavaScript's");
    }

    @Test
    void twoJavaSynthsMustWriteTheSameBytesNotOnlyTheSameJson(@TempDir Path dir) throws Exception {
        String template = "{\"Resources\":{\"T\":{\"Type\":\"AWS::SNS::Topic\",\"Properties\":{\"A\":1}}}}";
        Path first = assembly(dir, "first", template);
        Path second = assembly(dir, "second", template);
        assertThat(TemplateComparison.byteDifferences(first, second)).isEmpty();

        // the same JSON with its keys in another order: equal for the fixture's check, not between two synths
        Files.writeString(second.resolve("s.template.json"),
                "{\"Resources\":{\"T\":{\"Properties\":{\"A\":1},\"Type\":\"AWS::SNS::Topic\"}}}");
        assertThat(TemplateComparison.differences(first, second)).isEmpty();
        assertThat(TemplateComparison.byteDifferences(first, second))
                .containsExactly("s.template.json: same JSON, other bytes (key order or layout)");

        Files.writeString(second.resolve("s.template.json"),
                "{\"Resources\":{\"T\":{\"Type\":\"AWS::SNS::Topic\",\"Properties\":{\"A\":2,\"B\":3}}}}");
        Files.writeString(first.resolve("n.nested.template.json"), "{}");
        assertThat(TemplateComparison.byteDifferences(first, second)).containsExactly(
                "n.nested.template.json: written by the first synth only",
                "s.template.json /Resources/T/Properties/A: 1 | 2",
                "s.template.json /Resources/T/Properties/B: only in the second synth's");
    }

    /** A directory {@code name} under {@code dir} holding one template, {@code s.template.json}. */
    private static Path assembly(Path dir, String name, String template) throws IOException {
        Path assembly = Files.createDirectory(dir.resolve(name));
        Files.writeString(assembly.resolve("s.template.json"), template);
        return assembly;
    }
}
