package io.github.opsbaseline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.core.TemplateLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Proves the JavaScript fixture built the same resources as the Java synth: the two cloud
 * assemblies hold the same template files (stacks and nested stacks), each equal as parsed JSON.
 * Asset hashes are compared too: a nested stack's TemplateURL names the hash of its template, so
 * equal nested templates give equal hashes, and a difference there is a real one. Two Java synths
 * are held to more: the same bytes ({@link #byteDifferences}), since a re-synth that only reorders
 * keys still changes every hash of those bytes (asset hashes, the validation cache's keys).
 */
final class TemplateComparison {

    /** At most this many differences are listed; one is enough to fail. */
    static final int LIMIT = 10;

    private TemplateComparison() { }

    /** The differences between the templates of two assemblies, as {@code file /json/pointer: java | js}; empty when equal. */
    static List<String> differences(Path java, Path js) throws IOException {
        return differences(java, js, "Java", "JavaScript", false);
    }

    /**
     * The differences between the templates of two Java synths, {@code first} and {@code second}:
     * files not byte for byte equal, each as its JSON differences, or as {@code same JSON, other
     * bytes} when only key order or layout differ; empty when every file is the same.
     */
    static List<String> byteDifferences(Path first, Path second) throws IOException {
        return differences(first, second, "the first synth", "the second synth", true);
    }

    /**
     * The error, warning and info annotations (cdk-nag's findings among them) that one assembly's
     * manifest holds and the other's does not, as {@code only in Java's|JavaScript's: type path message};
     * empty when the same.
     */
    static List<String> findingDifferences(Path java, Path js) throws IOException {
        TreeSet<String> a = findings(java);
        TreeSet<String> b = findings(js);
        List<String> out = new ArrayList<>();
        a.stream().filter(f -> !b.contains(f)).forEach(f -> out.add("only in Java's findings: " + f));
        b.stream().filter(f -> !a.contains(f)).forEach(f -> out.add("only in JavaScript's findings: " + f));
        return out.size() > LIMIT ? out.subList(0, LIMIT) : out;
    }

    /** Every error, warning and info annotation of an assembly's manifest, as {@code type path message}. */
    static TreeSet<String> findings(Path assembly) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        TreeSet<String> out = new TreeSet<>();
        for (JsonNode artifact : mapper.readTree(assembly.resolve("manifest.json").toFile()).path("artifacts")) {
            List<JsonNode> metadata = new ArrayList<>(List.of(artifact.path("metadata")));
            if (artifact.has("additionalMetadataFile")) {
                metadata.add(mapper.readTree(assembly.resolve(artifact.get("additionalMetadataFile").asText()).toFile()));
            }
            for (JsonNode byPath : metadata) {
                for (Map.Entry<String, JsonNode> e : byPath.properties()) {
                    for (JsonNode entry : e.getValue()) {
                        String type = entry.path("type").asText();
                        if (type.equals("aws:cdk:error") || type.equals("aws:cdk:warning") || type.equals("aws:cdk:info")) {
                            out.add(type + " " + e.getKey() + " " + entry.path("data").asText());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<String> differences(Path a, Path b, String aName, String bName, boolean bytes)
            throws IOException {
        List<String> out = new ArrayList<>();
        TreeSet<String> aFiles = names(a);
        TreeSet<String> bFiles = names(b);
        for (String f : aFiles) {
            if (!bFiles.contains(f)) {
                out.add(f + ": written by " + aName + " only");
            }
        }
        for (String f : bFiles) {
            if (!aFiles.contains(f)) {
                out.add(f + ": written by " + bName + " only");
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        for (String f : aFiles) {
            if (!bFiles.contains(f) || out.size() >= LIMIT
                    || bytes && Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)))) {
                continue;
            }
            int before = out.size();
            diff(f, "", mapper.readTree(a.resolve(f).toFile()), mapper.readTree(b.resolve(f).toFile()), aName, bName, out);
            if (bytes && out.size() == before) {
                out.add(f + ": same JSON, other bytes (key order or layout)");
            }
        }
        return out.size() > LIMIT ? out.subList(0, LIMIT) : out;
    }

    private static TreeSet<String> names(Path assembly) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        TemplateLimits.templates(assembly).forEach(p -> names.add(p.getFileName().toString()));
        return names;
    }

    private static void diff(String file, String pointer, JsonNode a, JsonNode b, String aName, String bName,
            List<String> out) {
        if (out.size() >= LIMIT || a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            for (Map.Entry<String, JsonNode> e : a.properties()) {
                String p = pointer + "/" + e.getKey();
                if (!b.has(e.getKey())) {
                    out.add(file + " " + p + ": only in " + aName + "'s");
                } else {
                    diff(file, p, e.getValue(), b.get(e.getKey()), aName, bName, out);
                }
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!a.has(k)) {
                    out.add(file + " " + pointer + "/" + k + ": only in " + bName + "'s");
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(file, pointer + "/" + i, a.get(i), b.get(i), aName, bName, out);
            }
        } else {
            out.add(file + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + brief(a) + " | " + brief(b));
        }
    }

    private static String brief(JsonNode node) {
        String s = node.toString();
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
