package io.github.opsbaseline.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a synth wrote, against CloudFormation's per-template limits: templates (stacks and nested
 * stacks), resources in all and in the largest template, and the largest template's bytes.
 */
record AssemblyShape(int templates, int resources, int maxResources, long maxTemplateBytes) {

    /** CloudFormation's limit on resources in one template. */
    static final int MAX_RESOURCES = 500;
    /** CloudFormation's limit on a template's size when read from S3, as the CDK deploys it: 1 MB, counted as the CDK does. */
    static final long MAX_TEMPLATE_BYTES = 1_000_000;

    static AssemblyShape of(Path assembly) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        int templates = 0;
        int resources = 0;
        int maxResources = 0;
        long maxBytes = 0;
        for (Path template : templates(assembly)) {
            int count = mapper.readTree(template.toFile()).path("Resources").size();
            templates++;
            resources += count;
            maxResources = Math.max(maxResources, count);
            maxBytes = Math.max(maxBytes, Files.size(template));
        }
        return new AssemblyShape(templates, resources, maxResources, maxBytes);
    }

    /** Every template of a cloud assembly, stacks' and nested stacks' alike, by file name. */
    static List<Path> templates(Path assembly) throws IOException {
        try (Stream<Path> files = Files.list(assembly)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".template.json")).sorted().toList();
        }
    }

    /** True when every template is within CloudFormation's 500 resources and 1 MB. */
    boolean withinLimits() {
        return maxResources <= MAX_RESOURCES && maxTemplateBytes <= MAX_TEMPLATE_BYTES;
    }
}
