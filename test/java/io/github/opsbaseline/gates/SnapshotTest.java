package io.github.opsbaseline.gates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.opsbaseline.testing.ProjectPaths;
import io.github.opsbaseline.testing.SynthesizedEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every environment's templates, stored under {@code test/snapshots/<env>/}, compared on every run.
 * A changed, missing or extra snapshot fails; {@code mvn test -Dsnapshot.update=true} rewrites them,
 * and the diff of that rewrite is what a reviewer reads.
 */
class SnapshotTest {

    /** Asset hashes change with the CDK version and build, not with what the template means. */
    private static final Pattern ASSET_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper SORTED = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    static Stream<String> environments() {
        return SynthesizedEnvironment.environments().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("environments")
    void templatesMatchTheirSnapshots(String environment) throws IOException {
        SynthesizedEnvironment synthesized = SynthesizedEnvironment.of(environment);
        Path dir = ProjectPaths.snapshots().resolve(environment);
        if (ProjectPaths.updateSnapshots()) {
            rewrite(dir, synthesized.templates());
            return;
        }
        Set<String> expected = new TreeSet<>();
        for (Map.Entry<String, String> template : synthesized.templates().entrySet()) {
            Path file = dir.resolve(template.getKey() + ".json");
            expected.add(file.getFileName().toString());
            if (!Files.exists(file)) {
                fail("missing snapshot %s: run mvn test -Dsnapshot.update=true and review the new file",
                        ProjectPaths.root().relativize(file));
            }
            assertThat(normalize(template.getValue()))
                    .as("%s differs from its snapshot; if the change is intended, run mvn test"
                            + " -Dsnapshot.update=true and review the diff", ProjectPaths.root().relativize(file))
                    .isEqualTo(Files.readString(file));
        }
        assertThat(list(dir)).as("snapshots of stacks that no longer exist in %s", dir).isEqualTo(expected);
    }

    static String normalize(String template) throws IOException {
        Object tree = SORTED.readValue(template, Object.class);
        String sorted = SORTED.writeValueAsString(tree) + "\n";
        return ASSET_HASH.matcher(sorted).replaceAll("<asset-hash>");
    }

    private static void rewrite(Path dir, Map<String, String> templates) throws IOException {
        Files.createDirectories(dir);
        for (String stale : list(dir)) {
            Files.delete(dir.resolve(stale));
        }
        for (Map.Entry<String, String> template : templates.entrySet()) {
            Files.writeString(dir.resolve(template.getKey() + ".json"), normalize(template.getValue()));
        }
    }

    private static Set<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new TreeSet<>();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
