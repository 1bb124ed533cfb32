package io.github.opsbaseline.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CloudFormation's per-template limits, checked on a synthesized cloud assembly: the CDK refuses more
 * than 500 resources itself, but not a template over 1 MB, which CloudFormation would only refuse at
 * deploy time.
 */
public final class TemplateLimits {

    /** CloudFormation: template body in S3, 1 MB, counted as the CDK counts it (10^6 bytes, the stricter reading). */
    public static final long MAX_BYTES = 1_000_000;
    /** CloudFormation: resources per template. */
    public static final int MAX_RESOURCES = 500;

    private TemplateLimits() { }

    /** One line per template of {@code assembly} over a limit; empty when all fit. */
    public static List<String> violations(Path assembly) {
        List<String> problems = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (Path f : templates(assembly)) {
                long bytes = Files.size(f);
                if (bytes > MAX_BYTES) {
                    problems.add(f.getFileName() + ": " + bytes + " bytes, CloudFormation allows " + MAX_BYTES);
                }
                int resources = json.readTree(f.toFile()).path("Resources").size();
                if (resources > MAX_RESOURCES) {
                    problems.add(f.getFileName() + ": " + resources + " resources, CloudFormation allows " + MAX_RESOURCES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** Every template of a cloud assembly, stacks' and nested stacks' alike, sorted by file name. */
    public static List<Path> templates(Path assembly) throws IOException {
        try (Stream<Path> files = Files.list(assembly)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".template.json")).sorted().toList();
        }
    }
}
