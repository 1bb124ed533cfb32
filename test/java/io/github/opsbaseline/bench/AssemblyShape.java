package io.github.opsbaseline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.core.TemplateLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a synth wrote, against CloudFormation's per-template limits: templates (stacks and nested
 * stacks), resources in all and in the largest template, and the largest template's bytes.
 */
record AssemblyShape(int templates, int resources, int maxResources, long maxTemplateBytes) {

    static AssemblyShape of(Path assembly) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        int templates = 0;
        int resources = 0;
        int maxResources = 0;
        long maxBytes = 0;
        for (Path template : TemplateLimits.templates(assembly)) {
            int count = mapper.readTree(template.toFile()).path("Resources").size();
            templates++;
            resources += count;
            maxResources = Math.max(maxResources, count);
            maxBytes = Math.max(maxBytes, Files.size(template));
        }
        return new AssemblyShape(templates, resources, maxResources, maxBytes);
    }

    /** True when every template is within CloudFormation's 500 resources and 1 MB. */
    boolean withinLimits() {
        return maxResources <= TemplateLimits.MAX_RESOURCES && maxTemplateBytes <= TemplateLimits.MAX_BYTES;
    }
}
