package io.github.opsbaseline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * A stack's template together with those of its nested stacks, for assertions about what a stack
 * deploys wherever the resources sit (the monitoring stack keeps each watched resource in a nested stack).
 */
public final class StackTemplates {

    private final List<Template> templates = new ArrayList<>();

    private StackTemplates(Stack stack) {
        templates.add(Template.fromStack(stack));
        for (IConstruct c : stack.getNode().findAll()) {
            if (c instanceof NestedStack nested) {
                templates.add(Template.fromStack(nested));
            }
        }
    }

    public static StackTemplates of(Stack stack) {
        return new StackTemplates(stack);
    }

    public List<Template> all() {
        return List.copyOf(templates);
    }

    /**
     * Resources of {@code type} matching {@code properties} (as {@code Template.findResources}), in all
     * templates, keyed {@code <logical id>} in the stack's own template and {@code <n>/<logical id>} in
     * its n-th nested one (logical ids repeat between nested stacks).
     */
    public Map<String, Map<String, Object>> findResources(String type, Object properties) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        for (int i = 0; i < templates.size(); i++) {
            Template t = templates.get(i);
            String prefix = i == 0 ? "" : i + "/";
            (properties == null ? t.findResources(type) : t.findResources(type, properties))
                    .forEach((id, resource) -> found.put(prefix + id, resource));
        }
        return found;
    }

    public Map<String, Map<String, Object>> findResources(String type) {
        return findResources(type, null);
    }

    /** Some template has a resource of {@code type} whose properties match. */
    public void hasResourceProperties(String type, Object properties) {
        assertThat(findResources(type, Map.of("Properties", properties)))
                .as("a %s with properties %s in the stack or its nested stacks", type, properties).isNotEmpty();
    }

    /** Some template has a resource of {@code type} matching {@code resource} (properties, policies...). */
    public void hasResource(String type, Object resource) {
        assertThat(findResources(type, resource)).as("a %s like %s", type, resource).isNotEmpty();
    }

    public void resourceCountIs(String type, int count) {
        assertThat(findResources(type)).as("%s resources", type).hasSize(count);
    }

    /** All templates as one JSON text, for searching. */
    public String json() {
        return String.join("\n", templates.stream().map(t -> t.toJSON().toString()).toList());
    }
}
