package io.github.opsbaseline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.opsbaseline.testing.StandardError;
import io.github.opsbaseline.testing.TestApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.CloudFormationValidatePlugin;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.IPolicyValidationContext;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyValidationStack;
import software.amazon.awscdk.PolicyViolation;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.IConstruct;

/**
 * The validator's workers find what the synth's own validator finds, in the same order, and step
 * aside where they cannot run the synth's release. They run from the project directory, where
 * {@code npm ci} put the aws-cdk-lib of package.json (the release the pom pins).
 */
class ValidationWorkersTest {

    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "eu-west-1";
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    /** One rule engine for every test here: each holds 250 MB or more in jsii's node process for good. */
    static final CloudFormationValidatePlugin SYNTH_OWN = new CloudFormationValidatePlugin();

    /**
     * A parent with four nested stacks: topics with a property SNS does not have in the first and
     * last, a queue with a visibility timeout over SQS's maximum in the second, one valid topic in the
     * third; each also holds valid topics, so the nested templates outweigh the parent and two workers
     * get a typo each. Synthesized without validation; returns the parent and nested templates in
     * synth order.
     */
    static List<PolicyValidationStack> templatesWithFindings(Path out) {
        App app = App.Builder.create().outdir(out.toString()).analyticsReporting(false).build();
        build(app);
        app.synth();
        return TemplateChecks.withNested(List.of(PolicyValidationStack.builder()
                .stackConstructPath("Parent").templatePath(out.resolve("Parent.template.json").toString()).build()));
    }

    static void build(App app) {
        Stack stack = new Stack(app, "Parent", StackProps.builder()
                .env(Environment.builder().account(ACCOUNT).region(REGION).build()).build());
        for (int i = 0; i < 4; i++) {
            NestedStack unit = new NestedStack(stack, "Unit" + i);
            for (int j = 0; j < 30; j++) {
                CfnResource.Builder.create(unit, "Valid" + j).type("AWS::SNS::Topic")
                        .properties(Map.of("TopicName", "a-valid-topic-" + j + "-of-unit-" + i)).build();
            }
            if (i == 1) {
                CfnResource.Builder.create(unit, "Queue").type("AWS::SQS::Queue")
                        .properties(Map.of("VisibilityTimeout", 99999)).build();
            } else {
                CfnResource.Builder.create(unit, "Topic").type("AWS::SNS::Topic")
                        .properties(Map.of(i == 2 ? "TopicName" : "TopicNameTypo", "t" + i)).build();
            }
        }
    }

    @Test
    void workersFindWhatOneCallOverAllTemplatesFinds(@TempDir Path out) {
        List<PolicyValidationStack> templates = templatesWithFindings(out);
        List<PolicyViolation> oneCall = SYNTH_OWN.validate(new Context(templates)).getViolations();

        Optional<List<List<PolicyViolation>>> parts = new ValidationWorkers(2, 1, PROJECT)
                .validate(templates, ACCOUNT, REGION, SYNTH_OWN.getVersion());

        assertThat(parts).isPresent();
        // one list per template, each template validated alone: the parent and the third unit are clean
        assertThat(parts.get()).hasSize(templates.size());
        assertThat(parts.get()).extracting(List::isEmpty).containsExactly(true, false, false, true, false);
        assertThat(describe(TemplateChecks.merge(parts.get()))).isEqualTo(describe(oneCall))
                .contains("VisibilityTimeout").contains("TopicNameTypo");
        assertThat(oneCall).extracting(PolicyViolation::getRuleName).doesNotHaveDuplicates().hasSizeGreaterThan(1);
    }

    @Test
    void aSynthWithWorkersWritesTheSameReportAsOneWithout(@TempDir Path out) throws IOException {
        ValidationWorkers two = new ValidationWorkers(2, 1, PROJECT);
        ValidationWorkers none = new ValidationWorkers(0, 1, PROJECT);
        String withWorkers = failedSynthReport(out.resolve("workers"), two);
        String without = failedSynthReport(out.resolve("in-process"), none);

        assertThat(two.runs()).isPositive();
        assertThat(none.runs()).isZero();
        assertThat(withWorkers).isEqualTo(without).contains("TopicNameTypo");
    }

    private static String failedSynthReport(Path out, ValidationWorkers workers) throws IOException {
        App app = TestApps.app(out);
        build(app);
        NestedStackValidation.addTo(app, null, workers);
        assertThatThrownBy(app::synth).hasMessageContaining("ValidationFailed");
        return Files.readString(out.resolve("validation-report.json"));
    }

    @Test
    void anotherAwsCdkLibUnderTheWorkingDirectoryLeavesItToTheSynth(@TempDir Path out, @TempDir Path elsewhere)
            throws IOException {
        Path fake = Files.createDirectories(elsewhere.resolve("node_modules/aws-cdk-lib"));
        Files.writeString(fake.resolve("package.json"), "{\"name\": \"aws-cdk-lib\", \"version\": \"2.0.0\"}");
        Files.writeString(fake.resolve("index.js"), "throw new Error('a worker must not load another release');");
        List<PolicyValidationStack> templates = templatesWithFindings(out);
        String version = SYNTH_OWN.getVersion();

        String release = App.class.getPackage().getImplementationVersion();

        String refused = StandardError.of(() -> assertThat(
                new ValidationWorkers(2, 1, elsewhere).validate(templates, ACCOUNT, REGION, version)).isEmpty());
        String used = StandardError.of(() -> assertThat(
                new ValidationWorkers(2, 1, PROJECT).validate(templates, ACCOUNT, REGION, version)).isPresent());

        // one line, with what the worker found and what would let the workers run
        // the worker names node's working directory, symlinks resolved (macOS's /var is /private/var)
        assertThat(refused).isEqualTo("template validator workers not used (aws-cdk-lib 2.0.0 under "
                + elsewhere.toRealPath() + ", the app runs " + release + "); validating in the synth's process. aws-cdk-lib " + release
                + " in the node_modules of " + elsewhere + " lets 2 workers validate side by side"
                + System.lineSeparator());
        assertThat(used).isEmpty();
    }

    @Test
    void aWorkerThatFailsLeavesItToTheSynth(@TempDir Path out, @TempDir Path elsewhere) throws IOException {
        // the synth's release, but one that cannot load: the worker exits with an error
        Path broken = Files.createDirectories(elsewhere.resolve("node_modules/aws-cdk-lib"));
        Files.writeString(broken.resolve("package.json"), "{\"name\": \"aws-cdk-lib\", \"version\": \""
                + App.class.getPackage().getImplementationVersion() + "\"}");
        Files.writeString(broken.resolve("index.js"), "throw new Error('broken install');");
        List<PolicyValidationStack> templates = templatesWithFindings(out);
        String version = SYNTH_OWN.getVersion();

        String said = StandardError.of(() -> assertThat(
                new ValidationWorkers(2, 1, elsewhere).validate(templates, ACCOUNT, REGION, version)).isEmpty());

        assertThat(said).isEqualTo(failed("a worker exited with 1: Error: broken install"));
    }

    @Test
    void aFailedWorkerIsReportedByNodesErrorLine() {
        String nodeReport = """
                /tmp/x/node_modules/aws-cdk-lib/index.js:1
                throw new Error('broken install');
                ^

                Error: broken install
                    at Object.<anonymous> (/tmp/x/node_modules/aws-cdk-lib/index.js:1:7)

                Node.js v20.19.2
                """;

        assertThat(ValidationWorkers.reason(nodeReport)).isEqualTo("Error: broken install");
        assertThat(ValidationWorkers.reason("TypeError: x is not a function\n    at y")).isEqualTo("TypeError: x is not a function");
        assertThat(ValidationWorkers.reason("\nkilled\n")).isEqualTo("killed");
    }

    @Test
    void aWorkerWithAnotherRuleEngineIsNotUsed(@TempDir Path out) {
        List<PolicyValidationStack> templates = templatesWithFindings(out);

        assertThat(new ValidationWorkers(2, 1, PROJECT).validate(templates, ACCOUNT, REGION, "0.0.0-not-this-one"))
                .isEmpty();
    }

    @Test
    void aWorkerStartedWithTheJvmTakesAnyTemplatesAndAnswersEveryCall(@TempDir Path out) {
        List<PolicyValidationStack> templates = templatesWithFindings(out);
        List<PolicyViolation> oneCall = SYNTH_OWN.validate(new Context(templates)).getViolations();
        // templates far too light for workers started on demand
        ValidationWorkers workers = new ValidationWorkers(2, Long.MAX_VALUE, PROJECT);
        assertThat(workers.count(Long.MAX_VALUE - 1)).isZero();

        try {
            assertThat(workers.prestart().prestarted()).isTrue();
            Optional<List<List<PolicyViolation>>> first = workers.validate(templates, ACCOUNT, REGION, SYNTH_OWN.getVersion());
            Optional<List<List<PolicyViolation>>> second = workers.validate(templates.subList(1, 3), ACCOUNT, REGION,
                    SYNTH_OWN.getVersion());

            // one worker, its engine the synth's, validated both calls (the CDK calls once per account and region)
            assertThat(workers.lastWorkers()).isEqualTo(1);
            assertThat(workers.runs()).isEqualTo(2);
            assertThat(workers.engine()).contains(new ValidationWorkers.Engine(SYNTH_OWN.getVersion(), SYNTH_OWN.getRuleIds()));
            assertThat(describe(TemplateChecks.merge(first.orElseThrow()))).isEqualTo(describe(oneCall));
            assertThat(second.orElseThrow()).isEqualTo(first.get().subList(1, 3));
        } finally {
            workers.close();
        }
        assertThat(workers.prestarted()).isFalse();
    }

    @Test
    void templatesThatWeighEnoughGetMoreWorkersBesideTheStartedOne(@TempDir Path out) {
        List<PolicyValidationStack> templates = templatesWithFindings(out);
        List<PolicyViolation> oneCall = SYNTH_OWN.validate(new Context(templates)).getViolations();
        ValidationWorkers workers = new ValidationWorkers(2, 1, PROJECT).prestart();

        try {
            Optional<List<List<PolicyViolation>>> parts = workers.validate(templates, ACCOUNT, REGION, SYNTH_OWN.getVersion());

            assertThat(workers.lastWorkers()).isEqualTo(2);
            assertThat(describe(TemplateChecks.merge(parts.orElseThrow()))).isEqualTo(describe(oneCall));
            // the one started for the call stopped after it, the started one waits for the next
            assertThat(workers.prestarted()).isTrue();
        } finally {
            workers.close();
        }
    }

    @Test
    void aStartedWorkerThatRefusesIsSaidOnceAndNoWorkerIsTriedAgain(@TempDir Path out, @TempDir Path elsewhere)
            throws IOException {
        Path fake = Files.createDirectories(elsewhere.resolve("node_modules/aws-cdk-lib"));
        Files.writeString(fake.resolve("package.json"), "{\"name\": \"aws-cdk-lib\", \"version\": \"2.0.0\"}");
        List<PolicyValidationStack> templates = templatesWithFindings(out);
        String version = SYNTH_OWN.getVersion();
        ValidationWorkers workers = new ValidationWorkers(2, 1, elsewhere).prestart();

        String said = StandardError.of(() -> {
            assertThat(workers.validate(templates, ACCOUNT, REGION, version)).isEmpty();
            assertThat(workers.validate(templates, ACCOUNT, REGION, version)).isEmpty();
            assertThat(workers.engine()).isEmpty();
        });

        assertThat(said.lines()).hasSize(1).allSatisfy(line -> assertThat(line)
                .startsWith("template validator workers not used (aws-cdk-lib 2.0.0 under "));
        assertThat(workers.prestarted()).isFalse();
        assertThat(workers.runs()).isZero();
    }

    /**
     * An aws-cdk-lib of the synth's release under {@code dir} whose plugin's validate is {@code validate}
     * (JavaScript taking the context): the worker's protocol without the real engine.
     */
    private static void fakeCdk(Path dir, String validate) throws IOException {
        fakeCdk(dir, "return '" + SYNTH_OWN.getVersion() + "';", validate);
    }

    /**
     * The same with the plugin's version getter {@code version}; each worker adds its process id to
     * {@code node_modules/aws-cdk-lib/pid} (see {@link #workersOf}).
     */
    private static void fakeCdk(Path dir, String version, String validate) throws IOException {
        Path lib = Files.createDirectories(dir.resolve("node_modules/aws-cdk-lib"));
        Files.writeString(lib.resolve("package.json"), "{\"name\": \"aws-cdk-lib\", \"version\": \""
                + NestedStackValidation.CDK_RELEASE + "\"}");
        Files.writeString(lib.resolve("index.js"), "require('fs').appendFileSync(__dirname + '/pid', process.pid + '\\n');\n"
                + "exports.CloudFormationValidatePlugin = class {\n"
                + "  get version() { " + version + " }\n"
                + "  get ruleIds() { return ['E0000']; }\n"
                + "  validate(context) { " + validate + " }\n};\n");
    }

    /**
     * The first {@code count} worker processes that loaded the fake aws-cdk-lib under {@code dir}, once
     * they have (a niced worker on a busy machine may take a while); empty for one that already ended.
     */
    private static List<Optional<ProcessHandle>> workersOf(Path dir, int count) throws IOException, InterruptedException {
        Path pid = dir.resolve("node_modules/aws-cdk-lib/pid");
        for (int i = 0; i < 600 && (!Files.exists(pid) || Files.readAllLines(pid).size() < count); i++) {
            Thread.sleep(100);
        }
        return Files.readAllLines(pid).stream().limit(count)
                .map(line -> ProcessHandle.of(Long.parseLong(line.strip()))).toList();
    }

    /** The worker that loaded the fake aws-cdk-lib under {@code dir}: taken before any deadline starts. */
    private static ProcessHandle workerOf(Path dir) throws IOException, InterruptedException {
        return workersOf(dir, 1).get(0).orElseThrow();
    }

    /** Waits up to 10 s for {@code process} to end; whether it did. */
    private static boolean ends(ProcessHandle process) {
        try {
            process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    /** The one line a synth prints when its workers failed for {@code why} and it validates itself. */
    private static String failed(String why) {
        return "template validator workers failed (" + why + "); validating in the synth's process"
                + System.lineSeparator();
    }

    /** A second for each answer (a ready line may take longer on a loaded machine). */
    private static final ValidationWorkers.Patience ANSWER_IN_A_SECOND = new ValidationWorkers.Patience(
            java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(1), Long.MAX_VALUE);
    /** A second for the ready line. */
    private static final ValidationWorkers.Patience READY_IN_A_SECOND = new ValidationWorkers.Patience(
            java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(60), Long.MAX_VALUE);

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a pipe's read ignores interrupts
    void aWorkerThatNeverAnswersIsStoppedAndLeavesItToTheSynth(@TempDir Path out, @TempDir Path elsewhere)
            throws IOException, InterruptedException {
        // busy for good: a node in a loop never handles a SIGTERM, so only a kill stops it
        fakeCdk(elsewhere, "for (;;) { }");
        List<PolicyValidationStack> templates = templatesWithFindings(out);
        ValidationWorkers workers = new ValidationWorkers(1, Long.MAX_VALUE, elsewhere, ANSWER_IN_A_SECOND).prestart();
        ProcessHandle worker = workerOf(elsewhere);

        String said = StandardError.of(() -> {
            assertThat(workers.engine()).contains(new ValidationWorkers.Engine(SYNTH_OWN.getVersion(), List.of("E0000")));
            assertThat(workers.validate(templates, ACCOUNT, REGION, SYNTH_OWN.getVersion())).isEmpty();
            assertThat(ends(worker)).as("the stuck worker was killed").isTrue();
        });

        assertThat(said).isEqualTo(failed("a worker said nothing in 1 s and was stopped"));
        assertThat(workers.prestarted()).isFalse();
        assertThat(workers.runs()).isZero();
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a pipe's read ignores interrupts
    void aWorkerThatNeverGetsReadyIsStoppedAndTheSynthUsesItsOwnEngine(@TempDir Path elsewhere)
            throws IOException, InterruptedException {
        fakeCdk(elsewhere, "for (;;) { }", "return { success: true, violations: [] };");
        ValidationWorkers workers = new ValidationWorkers(1, Long.MAX_VALUE, elsewhere, READY_IN_A_SECOND).prestart();
        // the deadline starts when the engine is asked for, so a worker slow to start is not killed early
        ProcessHandle worker = workerOf(elsewhere);

        String said = StandardError.of(() -> assertThat(workers.engine()).isEmpty());

        assertThat(said).isEqualTo(failed("a worker said nothing in 1 s and was stopped"));
        assertThat(ends(worker)).as("the stuck worker was killed").isTrue();
        assertThat(workers.prestarted()).isFalse();
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyWorkerOfAFailedCallIsKilledEvenOneThatIgnoresSigterm(@TempDir Path out, @TempDir Path elsewhere)
            throws IOException, InterruptedException {
        // both workers stuck in their warm-up (where a SIGTERM waits for the event loop); the first's
        // answer times out, the second, started for the call, never got to its request
        fakeCdk(elsewhere, "for (;;) { }");
        List<PolicyValidationStack> templates = templatesWithFindings(out);
        ValidationWorkers workers = new ValidationWorkers(2, 1, elsewhere, ANSWER_IN_A_SECOND).prestart();

        StandardError.of(() -> assertThat(workers.validate(templates, ACCOUNT, REGION, SYNTH_OWN.getVersion())).isEmpty());

        assertThat(workersOf(elsewhere, 2)).hasSize(2).allSatisfy(worker ->
                assertThat(worker.map(w -> ends(w)).orElse(true)).as("killed").isTrue());
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aStuckWarmUpCannotHoldTheSynthWithARequestLargerThanAPipe(@TempDir Path elsewhere)
            throws IOException, InterruptedException {
        // the worker reads its input only after its warm-up, which never ends: the request (about
        // 400 KB) fills the pipe, and the synth must still give up at the answer's deadline
        fakeCdk(elsewhere, "for (;;) { }");
        List<PolicyValidationStack> many = manyTemplates(elsewhere);
        ValidationWorkers workers = new ValidationWorkers(1, Long.MAX_VALUE, elsewhere, ANSWER_IN_A_SECOND).prestart();
        ProcessHandle worker = workerOf(elsewhere);

        String said = StandardError.of(() ->
                assertThat(workers.validate(many, ACCOUNT, REGION, SYNTH_OWN.getVersion())).isEmpty());

        assertThat(said).isEqualTo(failed("a worker said nothing in 1 s and was stopped"));
        assertThat(ends(worker)).as("the stuck worker was killed").isTrue();
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void closingStopsTheWorkersOfACallInProgress(@TempDir Path out, @TempDir Path elsewhere) throws Exception {
        // what the JVM's end does on a Ctrl-C in the middle of a validation: both workers stuck, the
        // one started with the JVM and the one started for the call, and deadlines far away
        fakeCdk(elsewhere, "for (;;) { }");
        List<PolicyValidationStack> templates = templatesWithFindings(out);
        ValidationWorkers workers = new ValidationWorkers(2, 1, elsewhere).prestart();
        java.util.concurrent.CompletableFuture<String> call = new java.util.concurrent.CompletableFuture<>();
        Thread synth = new Thread(() -> call.complete(StandardError.of(() ->
                assertThat(workers.validate(templates, ACCOUNT, REGION, SYNTH_OWN.getVersion())).isEmpty())));
        synth.start();
        List<ProcessHandle> both = workersOf(elsewhere, 2).stream().map(Optional::orElseThrow).toList();
        assertThat(both).as("both stuck, not ended on their own").allMatch(ProcessHandle::isAlive);

        workers.close();

        assertThat(both).allSatisfy(worker -> assertThat(ends(worker)).as("stopped").isTrue());
        assertThat(call.get(30, java.util.concurrent.TimeUnit.SECONDS)).as("the call ends, silently: the synth is ending")
                .isEmpty();
        assertThat(workers.prestarted()).isFalse();
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aWorkerStuckInItsWarmUpIsKilledAtTheEndAndLeavesNoFiles(@TempDir Path elsewhere)
            throws IOException, InterruptedException {
        // never asked for anything (every template was in the validation cache, say): its warm-up
        // never ends, where a SIGTERM would wait for the event loop for good
        fakeCdk(elsewhere, "require('fs').writeFileSync(__dirname + '/warm', context.templatePaths[0]); for (;;) { }");
        ValidationWorkers workers = new ValidationWorkers(1, Long.MAX_VALUE, elsewhere).prestart();
        ProcessHandle worker = workerOf(elsewhere);
        assertThat(workers.engine()).isPresent();
        Path said = elsewhere.resolve("node_modules/aws-cdk-lib/warm");
        // written by the worker: read once it is there in full, not between its open and its write
        for (int i = 0; i < 600 && !(Files.exists(said) && Files.readString(said).endsWith(".json")); i++) {
            Thread.sleep(100);
        }
        Path warmUp = Path.of(Files.readString(said));
        assertThat(warmUp).isAbsolute().exists();

        workers.close();

        assertThat(ends(worker)).as("the stuck worker was killed").isTrue();
        assertThat(warmUp.getParent()).as("the worker's directory").doesNotExist();
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aNodeStartedByAWrapperIsKilledWithIt(@TempDir Path elsewhere, @TempDir Path bin)
            throws IOException, InterruptedException {
        // a JSII_NODE that starts node as a child (no exec): killing the wrapper alone would leave
        // node, stuck in its warm-up, running after the synth
        fakeCdk(elsewhere, "for (;;) { }");
        Path wrapper = Files.writeString(bin.resolve("node-wrapper"), "#!/bin/sh\nnode \"$@\"\necho wrapped\n");
        assertThat(wrapper.toFile().setExecutable(true)).isTrue();
        ValidationWorkers workers = new ValidationWorkers(1, Long.MAX_VALUE, elsewhere, ValidationWorkers.PATIENCE,
                wrapper.toString()).prestart();
        ProcessHandle node = workerOf(elsewhere);
        assertThat(node.parent().map(ProcessHandle::info).flatMap(ProcessHandle.Info::command))
                .as("node runs under the wrapper's shell").hasValueSatisfying(c -> assertThat(c).endsWith("sh"));

        workers.close();

        assertThat(ends(node)).as("the wrapper's node was killed").isTrue();
    }

    /** 2,000 templates of long paths under {@code dir}: a request of about 400 KB, more than a pipe holds. */
    private static List<PolicyValidationStack> manyTemplates(Path dir) throws IOException {
        List<PolicyValidationStack> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Path template = Files.writeString(dir.resolve("a".repeat(150) + i + ".template.json"), "{}");
            many.add(PolicyValidationStack.builder().stackConstructPath("Stack" + i)
                    .templatePath(template.toString()).build());
        }
        return many;
    }

    @Test
    void theDeadlineOfAnAnswerGrowsWithItsTemplates() {
        // half of 1,000 services' templates: 2 minutes plus 39 MB at 50 KB/s
        assertThat(ValidationWorkers.PATIENCE.answer(39_000_000)).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(ValidationWorkers.PATIENCE.answer(0)).isEqualTo(java.time.Duration.ofMinutes(2));
        assertThat(new ValidationWorkers.Patience(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), 300)
                .answer(100)).isEqualTo(java.time.Duration.ofMillis(1333));
        assertThatThrownBy(() -> new ValidationWorkers.Patience(java.time.Duration.ZERO, java.time.Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValidationWorkers.Patience(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailureBetweenRequestsStopsEveryWorkerForGood(@TempDir Path elsewhere) throws IOException {
        fakeCdk(elsewhere, "return { success: true, violations: [] };");
        Path template = Files.writeString(elsewhere.resolve("One.template.json"), "{}");
        PolicyValidationStack good = PolicyValidationStack.builder().stackConstructPath("One")
                .templatePath(template.toString()).build();
        // the second part's request fails after the first part's went out: that answer is never read
        PolicyValidationStack failing = new PolicyValidationStack() {
            @Override
            public String getStackConstructPath() {
                throw new IllegalStateException("no construct path");
            }

            @Override
            public String getTemplatePath() {
                return template.toString();
            }
        };
        ValidationWorkers workers = new ValidationWorkers(2, 1, elsewhere).prestart();

        assertThatThrownBy(() -> workers.validate(List.of(good, failing), ACCOUNT, REGION, SYNTH_OWN.getVersion()))
                .isInstanceOf(IllegalStateException.class).hasMessage("no construct path");

        assertThat(workers.prestarted()).as("the started worker may hold an unread answer").isFalse();
        assertThat(workers.validate(List.of(good), ACCOUNT, REGION, SYNTH_OWN.getVersion())).isEmpty();
        assertThat(workers.runs()).isZero();
    }

    @Test
    void aReportWithoutItsVerdictIsRefusedNotReadAsNoFindings(@TempDir Path out, @TempDir Path elsewhere)
            throws IOException {
        // a plugin answering a promise: the worker writes each report as {}
        fakeCdk(elsewhere, "return Promise.resolve({ success: false, violations: [] });");
        List<PolicyValidationStack> templates = templatesWithFindings(out);
        ValidationWorkers workers = new ValidationWorkers(1, Long.MAX_VALUE, elsewhere).prestart();

        String said = StandardError.of(() ->
                assertThat(workers.validate(templates, ACCOUNT, REGION, SYNTH_OWN.getVersion())).isEmpty());

        assertThat(said).isEqualTo(failed("a worker's report has no verdict and violations list: {}"));
        assertThat(workers.prestarted()).isFalse();
        assertThat(workers.validate(templates, ACCOUNT, REGION, SYNTH_OWN.getVersion())).as("given up").isEmpty();
    }

    @Test
    void aRequestAndAnAnswerLargerThanAPipeGoThrough(@TempDir Path elsewhere) throws IOException {
        fakeCdk(elsewhere, "return { success: true, violations: [{ ruleName: 'E0000', description: 'd', severity:"
                + " 'warning', violatingResources: [{ templatePath: context.templatePaths[0], locations: [] }] }] };");
        // an answer larger than the request
        List<PolicyValidationStack> many = manyTemplates(elsewhere);
        ValidationWorkers workers = new ValidationWorkers(1, Long.MAX_VALUE, elsewhere).prestart();

        try {
            Optional<List<List<PolicyViolation>>> found = workers.validate(many, ACCOUNT, REGION, SYNTH_OWN.getVersion());

            assertThat(found.orElseThrow()).hasSize(2000);
            assertThat(found.get().get(1999)).singleElement().satisfies(v -> assertThat(
                    v.getViolatingResources().get(0).getTemplatePath()).isEqualTo(many.get(1999).getTemplatePath()));
        } finally {
            workers.close();
        }
    }

    @Test
    void aStartedWorkerThatDiesAfterItWasReadyLeavesItToTheSynth(@TempDir Path out, @TempDir Path elsewhere)
            throws IOException {
        fakeCdk(elsewhere, "throw new Error('the engine crashed');");
        List<PolicyValidationStack> templates = templatesWithFindings(out);
        ValidationWorkers workers = new ValidationWorkers(1, Long.MAX_VALUE, elsewhere).prestart();

        String said = StandardError.of(() -> {
            assertThat(workers.engine()).contains(new ValidationWorkers.Engine(SYNTH_OWN.getVersion(), List.of("E0000")));
            assertThat(workers.validate(templates, ACCOUNT, REGION, SYNTH_OWN.getVersion())).isEmpty();
        });

        assertThat(said).isEqualTo(failed("a worker exited with 1: Error: the engine crashed"));
        assertThat(workers.prestarted()).isFalse();
    }

    @Test
    void noWorkerStartsWithTheJvmWhenTheCapIsZero() {
        ValidationWorkers none = new ValidationWorkers(0, 1, PROJECT).prestart();

        assertThat(none.prestarted()).isFalse();
        assertThat(none.engine()).isEmpty();
    }

    @Test
    void validatedBesideTheSynthTheFindingsNameAndRulesAreTheCdkPlugins(@TempDir Path out) {
        List<PolicyValidationStack> templates = templatesWithFindings(out);
        List<PolicyViolation> oneCall = SYNTH_OWN.validate(new Context(templates)).getViolations();
        ValidationWorkers workers = new ValidationWorkers(2, Long.MAX_VALUE, PROJECT).prestart();

        try {
            ValidationBesideTheSynth plugin = new ValidationBesideTheSynth(workers, ValidationCache.off());
            // the parent only, as the CDK hands it: the plugin adds its nested templates
            PolicyValidationPluginReport report = plugin.validate(new Context(templates.subList(0, 1)));

            assertThat(report.getSuccess()).isFalse();
            assertThat(describe(report.getViolations())).isEqualTo(describe(oneCall));
            assertThat(report.getPluginVersion()).isEqualTo(SYNTH_OWN.getVersion());
            assertThat(plugin.validated()).isEqualTo(templates.size());
            assertThat(workers.runs()).isEqualTo(1);
            assertThat(plugin.getName()).isEqualTo(SYNTH_OWN.getName());
            assertThat(plugin.getVersion()).isEqualTo(SYNTH_OWN.getVersion());
            assertThat(plugin.getRuleIds()).isEqualTo(SYNTH_OWN.getRuleIds()).isNotEmpty();
        } finally {
            workers.close();
        }
    }

    @Test
    void workersOnlyWhereEachGetsItsShareAndNeverMoreThanTheCap() {
        long share = ValidationWorkers.MIN_BYTES_PER_WORKER;
        ValidationWorkers twoCores = new ValidationWorkers(2, share, PROJECT);

        assertThat(twoCores.count(2 * share - 1)).isZero();
        assertThat(twoCores.count(2 * share)).isEqualTo(2);
        assertThat(twoCores.count(100 * share)).isEqualTo(2);
        assertThat(new ValidationWorkers(64, share, PROJECT).count(100 * share)).isEqualTo(ValidationWorkers.MAX_WORKERS);
        assertThat(new ValidationWorkers(3, share, PROJECT).count(3 * share - 1)).isEqualTo(2);
        assertThat(new ValidationWorkers(1, share, PROJECT).count(100 * share)).isZero();
        assertThat(new ValidationWorkers(0, share, PROJECT).count(100 * share)).isZero();
    }

    @Test
    void templatesAreCutIntoContiguousRunsOfAboutEqualSize() {
        assertThat(ValidationWorkers.split(List.of(5L, 1L, 1L, 1L, 1L, 1L), Long::longValue, 2))
                .containsExactly(List.of(5L), List.of(1L, 1L, 1L, 1L, 1L));
        assertThat(ValidationWorkers.split(List.of(1L, 1L, 1L, 1L), Long::longValue, 2))
                .containsExactly(List.of(1L, 1L), List.of(1L, 1L));
        assertThat(ValidationWorkers.split(List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L), Long::longValue, 3))
                .containsExactly(List.of(1L, 1L, 1L), List.of(1L, 1L), List.of(1L, 1L));
        assertThat(ValidationWorkers.split(List.of(1L, 1L), Long::longValue, 4))
                .containsExactly(List.of(1L), List.of(1L));
        assertThat(ValidationWorkers.split(List.of(9L), Long::longValue, 2)).containsExactly(List.of(9L));
    }

    @Test
    void theSwitchTakesANumberOfWorkers() {
        assertThat(ValidationWorkers.cap(null, 8)).isEqualTo(8);
        assertThat(ValidationWorkers.cap(" ", 8)).isEqualTo(8);
        assertThat(ValidationWorkers.cap("0", 8)).isZero();
        assertThat(ValidationWorkers.cap("3", 8)).isEqualTo(3);
        assertThatThrownBy(() -> ValidationWorkers.cap("two", 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OPS_BASELINE_VALIDATION_WORKERS: expected a number of workers (0 or more), found \"two\"");
        assertThatThrownBy(() -> ValidationWorkers.cap("-1", 8)).hasMessageContaining("found \"-1\"");
    }

    /** Every field of every violation, one line per violating resource, in order. */
    static String describe(List<PolicyViolation> violations) {
        return violations.stream().flatMap(v -> v.getViolatingResources().stream().map(r -> String.join(" | ",
                        v.getRuleName(), v.getSeverity(), v.getDescription(), String.valueOf(v.getFix()),
                        String.valueOf(v.getRuleMetadata()), String.valueOf(r.getResourceLogicalId()),
                        String.valueOf(r.getConstructPath()), r.getTemplatePath(), String.valueOf(r.getLocations()))))
                .collect(Collectors.joining("\n"));
    }

    /** What the CDK hands a plugin, for the plugin called directly. */
    record Context(List<PolicyValidationStack> stacks) implements IPolicyValidationContext {

        @Override
        public IConstruct getAppConstruct() {
            return null;
        }

        @Override
        public List<PolicyValidationStack> getStackTemplates() {
            return stacks;
        }

        @Override
        public List<String> getTemplatePaths() {
            return stacks.stream().map(PolicyValidationStack::getTemplatePath).toList();
        }

        @Override
        public String getAccountId() {
            return ACCOUNT;
        }

        @Override
        public String getRegion() {
            return REGION;
        }
    }
}
