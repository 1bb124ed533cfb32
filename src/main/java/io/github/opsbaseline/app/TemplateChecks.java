package io.github.opsbaseline.app;

import io.github.opsbaseline.core.NestedTemplates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.IPolicyValidationContext;
import software.amazon.awscdk.PolicyValidationPluginReport;
import software.amazon.awscdk.PolicyValidationStack;
import software.amazon.awscdk.PolicyViolatingResource;
import software.amazon.awscdk.PolicyViolation;
import software.constructs.IConstruct;

/**
 * What both template validator plugins of the app do with the templates the CDK hands them: add the
 * nested ones, answer what it can from the {@link ValidationCache}, validate the rest one template
 * at a time (in {@link ValidationWorkers} when they run, else in the synth's node process) and merge
 * the findings as one call over all the templates lists them.
 */
final class TemplateChecks {

    /** The CDK's plugin over one template, in the synth's node process. */
    @FunctionalInterface
    interface InProcess {
        List<PolicyViolation> validate(IPolicyValidationContext oneTemplate);
    }

    /** The severities that fail the plugin's report, as the CDK's plugin decides. */
    private static final List<String> FAILING = List.of("error", "fatal");

    private final ValidationWorkers workers;
    private final ValidationCache cache;
    /** Templates validated, not answered from the cache, for tests and diagnostics. */
    private int validated;

    TemplateChecks(ValidationWorkers workers, ValidationCache cache) {
        this.workers = workers;
        this.cache = cache;
    }

    int validated() {
        return validated;
    }

    /** The report of {@code context}'s templates and their nested ones, by rule engine {@code version}. */
    PolicyValidationPluginReport report(IPolicyValidationContext context, String version, InProcess inProcess) {
        List<PolicyValidationStack> all = withNested(context.getStackTemplates());
        boolean caching = cache.enabled() && NestedStackValidation.CDK_RELEASE != null;
        // read once: each is a call into node
        String account = context.getAccountId();
        String region = context.getRegion();
        List<String> keys = all.stream().map(stack -> caching
                ? ValidationCache.key(stack, account, region, version, NestedStackValidation.CDK_RELEASE) : null)
                .toList();
        List<List<PolicyViolation>> found = new ArrayList<>(Collections.nCopies(all.size(), null));
        List<Integer> misses = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Optional<List<PolicyViolation>> hit = caching ? cache.get(keys.get(i), all.get(i).getTemplatePath())
                    : Optional.empty();
            if (hit.isPresent()) {
                found.set(i, hit.get());
            } else {
                misses.add(i);
            }
        }
        List<PolicyValidationStack> unknown = misses.stream().map(all::get).toList();
        List<List<PolicyViolation>> fresh = unknown.isEmpty() ? List.of() : workers
                .validate(unknown, account, region, version)
                .orElseGet(() -> unknown.stream()
                        .map(stack -> inProcess.validate(new Expanded(context, List.of(stack))))
                        .toList());
        for (int j = 0; j < misses.size(); j++) {
            found.set(misses.get(j), fresh.get(j));
            if (caching) {
                cache.put(keys.get(misses.get(j)), fresh.get(j));
            }
        }
        validated += misses.size();
        cache.prune();
        List<PolicyViolation> violations = merge(found);
        boolean success = violations.stream().noneMatch(v -> FAILING.contains(v.getSeverity()));
        return PolicyValidationPluginReport.builder().success(success).violations(violations)
                .pluginVersion(version).build();
    }

    /**
     * The violations of several calls as one call over all their templates would list them: the CDK's
     * plugin keeps one violation per rule and severity, with every resource it found in the order
     * found, and the first finding's description and fix.
     */
    static List<PolicyViolation> merge(List<List<PolicyViolation>> parts) {
        Map<List<String>, PolicyViolation> byRule = new LinkedHashMap<>();
        Map<List<String>, List<PolicyViolatingResource>> resources = new LinkedHashMap<>();
        for (List<PolicyViolation> part : parts) {
            for (PolicyViolation v : part) {
                List<String> key = Arrays.asList(v.getRuleName(), v.getSeverity());
                byRule.putIfAbsent(key, v);
                resources.computeIfAbsent(key, k -> new ArrayList<>()).addAll(v.getViolatingResources());
            }
        }
        List<PolicyViolation> merged = new ArrayList<>();
        byRule.forEach((key, first) -> merged.add(PolicyViolation.builder().ruleName(first.getRuleName())
                .description(first.getDescription()).severity(first.getSeverity()).fix(first.getFix())
                .ruleMetadata(first.getRuleMetadata()).violatingResources(resources.get(key)).build()));
        return merged;
    }

    /**
     * Each template followed by its nested templates, at any depth (the CDK lists those as file assets
     * of the top-level stack), named {@code <stack path>/<nested template name>} in reports.
     */
    static List<PolicyValidationStack> withNested(List<PolicyValidationStack> stacks) {
        List<PolicyValidationStack> all = new ArrayList<>();
        for (PolicyValidationStack stack : stacks) {
            all.add(stack);
            Path template = Path.of(stack.getTemplatePath());
            Path assembly = template.toAbsolutePath().getParent();
            for (String nested : NestedTemplates.of(assembly, template.getFileName().toString())) {
                all.add(PolicyValidationStack.builder()
                        .stackConstructPath(stack.getStackConstructPath() + "/" + NestedTemplates.name(nested))
                        .templatePath(assembly.resolve(nested).toString())
                        .build());
            }
        }
        return all;
    }

    /** The CDK's context with the nested templates added. */
    record Expanded(IPolicyValidationContext given, List<PolicyValidationStack> stacks)
            implements IPolicyValidationContext {

        @Override
        public IConstruct getAppConstruct() {
            return given.getAppConstruct();
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
            return given.getAccountId();
        }

        @Override
        public String getRegion() {
            return given.getRegion();
        }
    }
}
