package io.github.opsbaseline.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * The nested stack templates of a stack in a synthesized cloud assembly. The CDK writes each nested
 * template as a file asset of its top-level stack ({@code <stack>.assets.json}), at any depth, which is
 * where they are found. No CDK classes, so the operations CLI can use it without the CDK.
 */
public final class NestedTemplates {

    /** How the CDK names nested templates in an assembly. */
    public static final String SUFFIX = ".nested.template.json";

    private NestedTemplates() { }

    /**
     * File names (relative to {@code assembly}) of the nested templates of the stack whose template
     * is {@code templateFile}, sorted; empty when it has none.
     */
    public static TreeSet<String> of(Path assembly, String templateFile) {
        TreeSet<String> nested = new TreeSet<>();
        Path assets = assembly.resolve(templateFile.replaceFirst("\\.template\\.json$", ".assets.json"));
        if (!Files.isRegularFile(assets)) {
            return nested;
        }
        try {
            JsonNode files = new ObjectMapper().readTree(assets.toFile()).path("files");
            for (Map.Entry<String, JsonNode> asset : files.properties()) {
                String path = asset.getValue().path("source").path("path").asText();
                if (path.endsWith(SUFFIX)) {
                    nested.add(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return nested;
    }

    /** The name a nested template goes by in reports: its file name without the suffix. */
    public static String name(String file) {
        return file.substring(0, file.length() - SUFFIX.length());
    }
}
