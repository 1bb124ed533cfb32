package io.github.opsbaseline.app;

import static io.github.opsbaseline.app.ValidationWorkersTest.SYNTH_OWN;
import static io.github.opsbaseline.app.ValidationWorkersTest.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.opsbaseline.testing.StandardError;
import io.github.opsbaseline.testing.TestApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.PolicyValidationStack;
import software.amazon.awscdk.PolicyViolatingResource;
import software.amazon.awscdk.PolicyViolation;
import software.constructs.Construct;

/**
 * A synth served from the validation cache reports what validating every template again reports, and
 * validates only the templates that changed. The cache's key covers everything the validator's answer
 * depends on, and a broken or unwritable cache never fails a synth.
 */
class ValidationCacheTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    static Path cacheDirectory;
    /** One plugin for the class: each holds a rule engine in jsii's node process for good. */
    private static NestedStackValidation plugin;
    private static ValidationCache cache;

    @BeforeAll
    static void pluginWithACache() {
        cache = new ValidationCache(cacheDirectory, Clock.systemUTC());
        plugin = NestedStackValidation.of(new ValidationWorkers(0, 1, PROJECT), cache);
    }

    /** Each test starts from an empty cache, whatever ran before it. */
    @BeforeEach
    void emptyCache() throws IOException {
        for (Path entry : entries()) {
            Files.delete(entry);
        }
    }

    @Test
    void aWarmSynthValidatesNothingWritesTheSameReportAndAChangeIsValidatedAlone(@TempDir Path out) throws IOException {
        int before = plugin.validated();
        String cold = failedSynthReport(out.resolve("cold"), false);
        int validated = plugin.validated();
        int hits = cache.hits();
        // the parent and four nested templates, each validated alone and kept
        assertThat(validated - before).isEqualTo(5);
        assertThat(entries()).hasSize(5);

        String warm = failedSynthReport(out.resolve("warm"), false);

        assertThat(warm).isEqualTo(cold).contains("TopicNameTypo").contains("VisibilityTimeout");
        assertThat(plugin.validated()).isEqualTo(validated);
        assertThat(cache.hits()).isEqualTo(hits + 5);

        String changed = failedSynthReport(out.resolve("changed"), true);

        // the changed nested template, and the parent whose TemplateURL names its new asset hash
        assertThat(plugin.validated()).isEqualTo(validated + 2);
        // the added topic is valid and the third unit had no findings: the same findings, from the cache
        assertThat(changed).isEqualTo(cold);
    }

    @Test
    void findingsPartlyFromTheCacheEqualOneCallOverAllTemplates(@TempDir Path out) {
        List<PolicyValidationStack> templates = ValidationWorkersTest.templatesWithFindings(out);
        // the first two nested templates first (a nested template lists no others)
        plugin.validate(new ValidationWorkersTest.Context(templates.subList(1, 3)));
        int validated = plugin.validated();

        // the parent, as the CDK hands it: the plugin adds its nested templates
        List<PolicyViolation> mixed = plugin.validate(new ValidationWorkersTest.Context(templates.subList(0, 1)))
                .getViolations();

        assertThat(plugin.validated()).isEqualTo(validated + 3);
        assertThat(describe(mixed)).isEqualTo(describe(SYNTH_OWN.validate(new ValidationWorkersTest.Context(templates))
                .getViolations()))
                .contains("TopicNameTypo").contains("VisibilityTimeout").contains(out.toString());
    }

    @Test
    void theKeyChangesWithEverythingTheValidatorSees(@TempDir Path dir) throws IOException {
        Path template = Files.writeString(dir.resolve("A.template.json"), "{\"Resources\": {}}");
        Path renamed = Files.copy(template, dir.resolve("B.template.json"));
        PolicyValidationStack stack = stack("A", template);
        String key = ValidationCache.key(stack, "1", "eu-west-1", "engine-1", "2.263.0");

        assertThat(ValidationCache.key(stack("A", template), "1", "eu-west-1", "engine-1", "2.263.0")).isEqualTo(key);
        assertThat(List.of(
                ValidationCache.key(stack, "2", "eu-west-1", "engine-1", "2.263.0"),
                ValidationCache.key(stack, null, "eu-west-1", "engine-1", "2.263.0"),
                ValidationCache.key(stack, "", "eu-west-1", "engine-1", "2.263.0"),
                ValidationCache.key(stack, "1", "us-east-1", "engine-1", "2.263.0"),
                ValidationCache.key(stack, "1", "eu-west-1", "engine-2", "2.263.0"),
                ValidationCache.key(stack, "1", "eu-west-1", "engine-1", "2.264.0"),
                ValidationCache.key(stack("B", template), "1", "eu-west-1", "engine-1", "2.263.0"),
                ValidationCache.key(stack("A", renamed), "1", "eu-west-1", "engine-1", "2.263.0")))
                .doesNotContain(key).doesNotHaveDuplicates();
        Files.writeString(template, "{\"Resources\": {} }");
        assertThat(ValidationCache.key(stack, "1", "eu-west-1", "engine-1", "2.263.0")).isNotEqualTo(key);
    }

    @Test
    void anEntryComesBackWithTheTemplatePathItIsAskedFor(@TempDir Path dir) {
        ValidationCache own = new ValidationCache(dir, Clock.systemUTC());
        PolicyViolation violation = violation("E3002", "/first/U.nested.template.json");

        own.put("ab12", List.of(violation));

        assertThat(own.get("ab12", "/second/U.nested.template.json")).hasValueSatisfying(found ->
                assertThat(describe(found)).isEqualTo(describe(List.of(
                        violation("E3002", "/second/U.nested.template.json")))));
        assertThat(own.get("cd34", "/second/U.nested.template.json")).isEmpty();
        assertThat(own.hits()).isEqualTo(1);
    }

    @Test
    void aDamagedEntryIsAMissAndAnUnwritableCacheIsLeftWithOneLine(@TempDir Path dir) throws IOException {
        ValidationCache own = new ValidationCache(dir, Clock.systemUTC());
        Files.createDirectories(dir.resolve("ab"));
        Files.writeString(dir.resolve("ab/ab12.json"), "[{\"ruleName\": \"E30");
        assertThat(own.get("ab12", "/t.json")).isEmpty();

        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        ValidationCache unwritable = new ValidationCache(notADirectory, Clock.systemUTC());
        String stderr = StandardError.of(() -> {
            unwritable.put("ab12", List.of());
            unwritable.put("cd34", List.of());
        });

        assertThat(stderr.lines()).hasSize(1).first().asString().startsWith("template validation cache " + notADirectory
                + " is not writable").endsWith("this synth goes on without it");
        assertThat(unwritable.get("ab12", "/t.json")).isEmpty();
    }

    @Test
    void entriesUnusedForThirtyDaysArePruned(@TempDir Path dir) throws IOException {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        ValidationCache own = new ValidationCache(dir, Clock.fixed(now, ZoneOffset.UTC));
        own.put("aa01", List.of());
        own.put("bb02", List.of());
        Files.writeString(dir.resolve("bb/bb02.interrupted.tmp"), "[");
        Files.setLastModifiedTime(dir.resolve("aa/aa01.json"), FileTime.from(now.minus(ValidationCache.KEEP).minusSeconds(1)));
        Files.setLastModifiedTime(dir.resolve("bb/bb02.interrupted.tmp"), FileTime.from(now.minus(ValidationCache.KEEP).minusSeconds(1)));
        Files.setLastModifiedTime(dir.resolve("bb/bb02.json"), FileTime.from(now.minus(ValidationCache.KEEP).plusSeconds(1)));

        own.prune();

        assertThat(entries(dir)).containsExactly(dir.resolve("bb/bb02.json"));
        // a hit counts as a use
        Files.setLastModifiedTime(dir.resolve("bb/bb02.json"), FileTime.from(now.minus(ValidationCache.KEEP).minusSeconds(1)));
        assertThat(own.get("bb02", "/t.json")).isPresent();
        own.prune();
        assertThat(entries(dir)).containsExactly(dir.resolve("bb/bb02.json"));
    }

    @Test
    void theSwitchNamesADirectoryOrTurnsTheCacheOff() {
        assertThat(ValidationCache.directory("off", "/xdg", "/home/u")).isNull();
        assertThat(ValidationCache.directory(" /var/cache/v ", "/xdg", "/home/u")).isEqualTo(Path.of("/var/cache/v"));
        assertThat(ValidationCache.directory(null, "/xdg", "/home/u")).isEqualTo(Path.of("/xdg/ops-baseline/validation"));
        assertThat(ValidationCache.directory("", "", "/home/u")).isEqualTo(Path.of("/home/u/.cache/ops-baseline/validation"));
        assertThat(ValidationCache.directory("relative", null, "/home/u")).isEqualTo(PROJECT.resolve("relative"));
        assertThat(ValidationCache.off().enabled()).isFalse();
    }

    /** A synth of the templates with findings, with one valid resource more in the third unit if asked. */
    private static String failedSynthReport(Path out, boolean changeOneUnit) throws IOException {
        App app = TestApps.app(out);
        ValidationWorkersTest.build(app);
        if (changeOneUnit) {
            Construct unit = (Construct) app.getNode().findChild("Parent").getNode().findChild("Unit2");
            CfnResource.Builder.create(unit, "Added").type("AWS::SNS::Topic")
                    .properties(Map.of("TopicName", "one-more")).build();
        }
        NestedStackValidation.addTo(app, null, plugin);
        assertThatThrownBy(app::synth).hasMessageContaining("ValidationFailed");
        return Files.readString(out.resolve("validation-report.json"));
    }

    private static PolicyViolation violation(String rule, String templatePath) {
        return PolicyViolation.builder().ruleName(rule).description("Properties.X: not allowed").severity("error")
                .fix("remove X").ruleMetadata(Map.of("category", "schema"))
                .violatingResources(List.of(PolicyViolatingResource.builder().resourceLogicalId("Topic")
                        .templatePath(templatePath).locations(List.of("Properties.X")).build(),
                        PolicyViolatingResource.builder().constructPath("Parent/Unit").templatePath(templatePath)
                                .locations(List.of()).build()))
                .build();
    }

    private static PolicyValidationStack stack(String path, Path template) {
        return PolicyValidationStack.builder().stackConstructPath(path).templatePath(template.toString()).build();
    }

    private static List<Path> entries() throws IOException {
        return entries(cacheDirectory);
    }

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
