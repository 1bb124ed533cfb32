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

    /** CloudFormation: template body in S3, 1 MB. */
    public static final long MAX_BYTES = 1_048_576;
    /** CloudFormation: resources per template. */
    public static final int MAX_RESOURCES = 500;

    private TemplateLimits() { }

    /** One line per template of {@code assembly} over a limit; empty when all fit. */
    public static List<String> violations(Path assembly) {
        List<String> problems = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(assembly)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".template.json")).sorted().toList()) {
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
}
