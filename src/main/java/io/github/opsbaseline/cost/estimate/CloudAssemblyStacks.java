package io.github.opsbaseline.cost.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.compliance.BaselineTags;
import io.github.opsbaseline.config.EnvironmentConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads an environment's stack templates out of a synthesized cloud assembly ({@code cdk.out}).
 * Free of CDK classes on purpose, so the operations CLI can price an assembly without the CDK on
 * its classpath.
 */
public final class CloudAssemblyStacks {

    private CloudAssemblyStacks() { }

    /** The stacks of {@code config}'s environment in a cloud assembly, found by their tags. */
    public static List<TemplateEstimator.StackTemplate> of(Path assembly, EnvironmentConfig config) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            JsonNode manifest = mapper.readTree(assembly.resolve("manifest.json").toFile());
            List<TemplateEstimator.StackTemplate> stacks = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> artifacts = manifest.path("artifacts").fields();
            while (artifacts.hasNext()) {
                JsonNode artifact = artifacts.next().getValue();
                JsonNode tags = artifact.path("properties").path("tags");
                if (!"aws:cloudformation:stack".equals(artifact.path("type").asText())
                        || !config.project().equals(tags.path(BaselineTags.PROJECT).asText())
                        || !config.environment().equals(tags.path(BaselineTags.ENVIRONMENT).asText())) {
                    continue;
                }
                String stackName = artifact.path("properties").path("stackName").asText(artifact.path("displayName").asText());
                String environment = artifact.path("environment").asText();
                String region = environment.substring(environment.lastIndexOf('/') + 1);
                JsonNode template = mapper.readTree(assembly.resolve(artifact.path("properties").path("templateFile").asText()).toFile());
                stacks.add(new TemplateEstimator.StackTemplate(stackName, region(region.equals("unknown-region") ? config.region() : region),
                        template));
            }
            return stacks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String region(String region) {
        return region == null ? PriceBook.BASE_REGION : region;
    }
}
