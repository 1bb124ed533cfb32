package io.github.opsbaseline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Parts of README.md that tests produce (samples, tables of numbers), between
 * {@code <!-- BEGIN name -->} and {@code <!-- END name -->}: compared on every run, rewritten with
 * {@code -Dsnapshot.update=true}, so the README never shows output the code no longer gives.
 */
public final class ReadmeBlocks {

    private ReadmeBlocks() { }

    public static Path readme() {
        return ProjectPaths.root().resolve("README.md");
    }

    /** Checks (or rewrites) the named blocks of README.md. */
    public static synchronized void check(Map<String, String> blocks) throws IOException {
        String text = Files.readString(readme(), StandardCharsets.UTF_8);
        String expected = text;
        for (Map.Entry<String, String> block : blocks.entrySet()) {
            expected = replace(expected, block.getKey(), block.getValue());
        }
        if (ProjectPaths.updateSnapshots()) {
            Files.writeString(readme(), expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(text).as("README.md blocks %s are stale: run mvn test -Dsnapshot.update=true and review the diff",
                blocks.keySet()).isEqualTo(expected);
    }

    /** Replaces what stands between {@code <!-- BEGIN name -->} and {@code <!-- END name -->}. */
    static String replace(String text, String name, String content) {
        String begin = "<!-- BEGIN " + name + " -->\n";
        String end = "<!-- END " + name + " -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertThat(from).as("marker " + begin.trim() + " in README.md").isNotNegative();
        assertThat(to).as("marker " + end + " in README.md").isGreaterThan(from);
        return text.substring(0, from + begin.length()) + content + text.substring(to);
    }
}
