package io.github.opsbaseline.cost.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.opsbaseline.compliance.BaselineTags;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.core.NestedTemplates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads an environment's stack templates out of a synthesized cloud assembly ({@code cdk.out}).
 * Free of CDK classes on purpose, so the operations CLI can price an assembly without the CDK on
 * its classpath.
 */
public final class CloudAssemblyStacks {

    private CloudAssemblyStacks() { }

    /**
     * The stacks of {@code config}'s environment in a cloud assembly, found by their tags.
     *
     * @throws Unreadable when a file of the assembly cannot be read or is not what the CDK writes (a
     *     half-written or hand-edited {@code cdk.out})
     */
    public static List<TemplateEstimator.StackTemplate> of(Path assembly, EnvironmentConfig config) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            JsonNode manifest = mapper.readTree(assembly.resolve("manifest.json").toFile());
            List<TemplateEstimator.StackTemplate> stacks = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : manifest.path("artifacts").properties()) {
                JsonNode artifact = entry.getValue();
                JsonNode tags = artifact.path("properties").path("tags");
                if (!"aws:cloudformation:stack".equals(artifact.path("type").asText())
                        || !config.project().equals(tags.path(BaselineTags.PROJECT).asText())
                        || !config.environment().equals(tags.path(BaselineTags.ENVIRONMENT).asText())) {
                    continue;
                }
                String stackName = artifact.path("properties").path("stackName").asText(artifact.path("displayName").asText());
                String environment = artifact.path("environment").asText();
                String region = environment.substring(environment.lastIndexOf('/') + 1);
                String templateFile = artifact.path("properties").path("templateFile").asText();
                JsonNode template = withNested(mapper, assembly, templateFile);
                stacks.add(new TemplateEstimator.StackTemplate(stackName, region(region.equals("unknown-region") ? config.region() : region),
                        template));
            }
            return stacks;
        } catch (IOException | UncheckedIOException | ClassCastException | IllegalArgumentException e) {
            Throwable why = e instanceof UncheckedIOException io ? io.getCause() : e;
            String cause = why.getMessage() == null ? why.toString() : why.getMessage();
            throw new Unreadable("cloud assembly at " + assembly + " could not be read: " + cause.lines().findFirst().orElse(""));
        }
    }

    /** A cloud assembly whose files cannot be read or are not what the CDK writes; the message is one line. */
    public static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * The stack's template with the resources of its nested stacks added (as {@code <nested>/<id>}), so
     * what a stack costs includes what it deploys through nested stacks.
     */
    static JsonNode withNested(ObjectMapper mapper, Path assembly, String templateFile) throws IOException {
        JsonNode template = mapper.readTree(assembly.resolve(templateFile).toFile());
        TreeSet<String> nested = NestedTemplates.of(assembly, templateFile);
        if (nested.isEmpty()) {
            return template;
        }
        ObjectNode combined = ((ObjectNode) template).deepCopy();
        ObjectNode resources = combined.withObjectProperty("Resources");
        for (String file : nested) {
            JsonNode inner = mapper.readTree(assembly.resolve(file).toFile()).path("Resources");
            for (Map.Entry<String, JsonNode> resource : inner.properties()) {
                resources.set(NestedTemplates.name(file) + "/" + resource.getKey(), resource.getValue());
            }
        }
        return combined;
    }

    private static String region(String region) {
        return region == null ? PriceBook.BASE_REGION : region;
    }
}
