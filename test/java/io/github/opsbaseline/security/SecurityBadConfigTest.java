package io.github.opsbaseline.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.opsbaseline.config.ConfigException;
import io.github.opsbaseline.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each security validation message, through the same contract as the lead's bad-config harness:
 * the real environment files plus {@code security-<case>.json}, loaded as environment
 * {@code security-<case>}, must give exactly the lines of {@code security-<case>.expected}.
 */
class SecurityBadConfigTest {

    static final Path FIXTURES = Path.of("test/resources/bad-configs");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("security-") && n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixtureGivesExactlyTheExpectedProblems(String name, @TempDir Path dir) throws IOException {
        // GIVEN the real environment files and the fixture
        try (Stream<Path> files = Files.list(Path.of("stacks-config"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.copy(FIXTURES.resolve(name + ".json"), dir.resolve(name + ".json"));

        // WHEN it is loaded
        ConfigException e = catchThrowableOfType(() -> new ConfigLoader(dir).load(name), ConfigException.class);

        // THEN the problems are exactly the expected lines
        assertThat(e).as("loading %s must fail", name).isNotNull();
        List<String> actual = e.lines().stream().map(l -> l.replace(dir + "/", "")).toList();
        if (Boolean.getBoolean("security.writeExpected")) {
            Files.write(FIXTURES.resolve(name + ".expected"), actual);
        }
        List<String> expected = Files.readAllLines(FIXTURES.resolve(name + ".expected")).stream()
                .filter(l -> !l.isBlank()).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
