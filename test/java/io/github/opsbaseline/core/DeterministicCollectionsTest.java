package io.github.opsbaseline.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.testing.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A lint over the library's sources: no {@code Map.of} with more than one entry and no
 * {@code Set.of} with more than one element, since their order changes between JVM runs and would
 * reach a template. (A {@code new TreeMap<>(Map.of(...))} is sorted, so it passes.) The cross-JVM
 * {@code DeterminismTest} catches what reaches today's templates; this catches it before it does.
 */
class DeterministicCollectionsTest {

    @Test
    void noHashOrderedLiteralWithMoreThanOneEntryInTheLibrary() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ProjectPaths.root().resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                scan(source, "Map.of(", 2, file, offenders);
                scan(source, "Set.of(", 1, file, offenders);
            }
        }
        assertThat(offenders).as("use OrderedMaps.of, a TreeMap or a List instead").isEmpty();
    }

    @Test
    void theLintCountsTopLevelArgumentsOnly() {
        List<String> offenders = new ArrayList<>();
        scan("a(Map.of(\"numeric\", List.of(\">=\", 4, \"<\", 7)));", "Map.of(", 2, Path.of("ok.java"), offenders);
        scan("x = new TreeMap<>(Map.of(\"a\", 1, \"b\", 2));", "Map.of(", 2, Path.of("sorted.java"), offenders);
        assertThat(offenders).isEmpty();
        scan("c(Map.of(\"a\", f(1, 2), \"b\", 2));", "Map.of(", 2, Path.of("bad.java"), offenders);
        assertThat(offenders).containsExactly("bad.java:1 Map.of( with 4 arguments");
    }

    static void scan(String source, String call, int maxArguments, Path file, List<String> offenders) {
        int at = source.indexOf(call);
        while (at >= 0) {
            boolean sorted = source.substring(Math.max(0, at - 16), at).contains("TreeMap<>(");
            int depth = 0;
            int arguments = 1;
            boolean empty = true;
            boolean inString = false;
            for (int i = at + call.length(); i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '"' && source.charAt(i - 1) != '\\') {
                    inString = !inString;
                }
                if (inString) {
                    empty = false;
                    continue;
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    arguments++;
                } else if (!Character.isWhitespace(c)) {
                    empty = false;
                }
            }
            if (!empty && !sorted && arguments > maxArguments) {
                long line = source.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
                offenders.add(file.getFileName() + ":" + line + " " + call + " with " + arguments + " arguments");
            }
            at = source.indexOf(call, at + call.length());
        }
    }
}
