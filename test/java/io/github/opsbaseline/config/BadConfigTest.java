package io.github.opsbaseline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.opsbaseline.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture in {@code test/resources/bad-configs/} is an environment file with one kind of
 * mistake, next to the exact lines ({@code <name>.expected}) the loader must print for it. The
 * fixture is loaded beside the real {@code stacks-config/} files, so it can extend them.
 */
class BadConfigTest {

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(ProjectPaths.badConfigs())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachBadConfigIsRefusedWithItsExactMessages(String fixture) throws IOException {
        // GIVEN the real environment files plus the fixture
        Path dir = configDirWith(fixture);
        List<String> expected = Files.readAllLines(ProjectPaths.badConfigs().resolve(fixture + ".expected"))
                .stream().filter(l -> !l.isBlank()).toList();

        // WHEN the fixture's environment is loaded
        ConfigException error = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(dir).load(fixture));

        // THEN it is refused with exactly the expected lines, file names relative to the directory
        assertThat(error).as("loading %s must fail", fixture).isNotNull();
        List<String> lines = error.lines().stream().map(l -> l.replace(dir + "/", "")).toList();
        assertThat(lines).containsExactlyElementsOf(expected);
    }

    @Test
    void thereIsAFixtureForEachOfAtLeastTwentyKindsOfMistake() throws IOException {
        assertThat(fixtures().count()).isGreaterThanOrEqualTo(20);
        for (String fixture : fixtures().toList()) {
            assertThat(ProjectPaths.badConfigs().resolve(fixture + ".expected")).exists();
        }
    }

    @Test
    void anUnknownEnvironmentIsRefusedWithTheListOfKnownOnes() {
        ConfigException error = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(Path.of("stacks-config")).load("nope"));

        assertThat(error.lines()).containsExactly("stacks-config/nope.json: $: unknown environment \"nope\":"
                + " expected one of [dev, prod, staging] (the environment files in stacks-config)");
    }

    static Path configDirWith(String fixture) throws IOException {
        Path dir = Files.createTempDirectory("bad-config-");
        try (Stream<Path> files = Files.list(ProjectPaths.stacksConfig())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.copy(ProjectPaths.badConfigs().resolve(fixture + ".json"), dir.resolve(fixture + ".json"),
                StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }
}
