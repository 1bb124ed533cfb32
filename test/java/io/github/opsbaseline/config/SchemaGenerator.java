package io.github.opsbaseline.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes {@code stacks-config/schema.json} from the config records themselves, so the schema editors
 * use can never drift from what the loader accepts: same keys, same types, same enum values, no
 * other keys. Field descriptions come from the records' {@code @param} javadoc.
 */
final class SchemaGenerator {

    private static final Pattern RECORD = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+\\s*)*public\\s+record\\s+(\\w+)\\s*\\(",
            Pattern.DOTALL);
    private static final Pattern PARAM = Pattern.compile("@param\\s+(\\w+)\\s+((?:(?!@param|@return|@see).)*)", Pattern.DOTALL);

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Map<String, String>> docs;
    private final Map<String, Object> defs = new TreeMap<>();

    private SchemaGenerator(Map<String, Map<String, String>> docs) {
        this.docs = docs;
    }

    /** The schema as the text {@code stacks-config/schema.json} must contain. */
    static String generate(Path sourceDir) throws IOException {
        SchemaGenerator generator = new SchemaGenerator(readDocs(sourceDir));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://github.com/opsbaseline/ops-baseline/stacks-config/schema.json");
        root.put("title", "ops-baseline environment file");
        root.put("description", "One environment of stacks-config/. Generated from the config records by the tests"
                + " (mvn test -Dsnapshot.update=true rewrites it); do not edit by hand.");
        Map<String, Object> body = generator.objectSchema(EnvironmentConfig.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) body.get("properties");
        Map<String, Object> withMeta = new LinkedHashMap<>();
        withMeta.put("$schema", obj("type", "string", "description", "Path of this schema, for editors."));
        withMeta.put("extends", obj("type", "string",
                "description", "Name (without .json) of the file this one builds on; objects merge key by key, other values are replaced."));
        withMeta.putAll(properties);
        body.put("properties", withMeta);
        root.putAll(body);
        root.put("$defs", generator.defs);
        return generator.json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }

    private Map<String, Object> objectSchema(Class<?> record) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, String> params = docs.getOrDefault(record.getSimpleName(), new LinkedHashMap<>());
        for (RecordComponent component : record.getRecordComponents()) {
            Map<String, Object> property = new LinkedHashMap<>(schemaOf(component.getGenericType()));
            String doc = params.get(component.getName());
            if (doc != null) {
                property.put("description", doc);
            }
            properties.put(component.getName(), property);
        }
        schema.put("properties", properties);
        return schema;
    }

    private Map<String, Object> schemaOf(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                return obj("type", "array", "items", schemaOf(p.getActualTypeArguments()[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return obj("type", "object", "additionalProperties", schemaOf(p.getActualTypeArguments()[1]));
            }
            throw new IllegalStateException("no schema for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return obj("type", "string");
        }
        if (c == Integer.class || c == Long.class || c == int.class || c == long.class) {
            return obj("type", "integer");
        }
        if (c == Double.class || c == double.class) {
            return obj("type", "number");
        }
        if (c == Boolean.class || c == boolean.class) {
            return obj("type", "boolean");
        }
        if (c.isEnum()) {
            List<Object> values = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                values.add(json.convertValue(constant, String.class));
            }
            return obj("enum", values);
        }
        if (c.isRecord()) {
            String name = c.getSimpleName();
            if (!defs.containsKey(name)) {
                defs.put(name, obj());
                defs.put(name, objectSchema(c));
            }
            return obj("$ref", "#/$defs/" + name);
        }
        throw new IllegalStateException("no schema for " + c);
    }

    /** An ordered map: {@code Map.of} would change the key order of the schema from run to run. */
    private static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** {@code @param} text of every public record in the config package, by record name. */
    private static Map<String, Map<String, String>> readDocs(Path sourceDir) throws IOException {
        Map<String, Map<String, String>> docs = new TreeMap<>();
        try (Stream<Path> files = Files.list(sourceDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher record = RECORD.matcher(Files.readString(file));
                while (record.find()) {
                    Map<String, String> params = new LinkedHashMap<>();
                    Matcher param = PARAM.matcher(record.group(1));
                    while (param.find()) {
                        params.put(param.group(1), param.group(2).replaceAll("\\s*\\n\\s*\\*\\s*", " ")
                                .replaceAll("\\{@\\w+ ([^}]*)}", "$1").trim());
                    }
                    docs.put(record.group(2), params);
                }
            }
        }
        return docs;
    }
}
