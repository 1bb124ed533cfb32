package io.github.opsbaseline.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code <dir>/<env>.json}, merges it over the files it {@code extends}, binds it strictly and
 * validates it. Every problem names the file the offending value came from and its JSON path.
 *
 * <p>Environments are the {@code .json} files of the directory except {@code schema.json} and
 * shared files whose name starts with {@code base} or {@code _}.
 */
public final class ConfigLoader {

    private static final String EXTENDS = "extends";
    private static final String SCHEMA = "$schema";

    private final Path dir;
    private final ObjectMapper mapper;

    /** @param dir the directory of environment files, e.g. {@code stacks-config} */
    public ConfigLoader(Path dir) {
        this.dir = dir;
        this.mapper = strictMapper();
    }

    static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                // Explicit because Jackson 3 flips several of these defaults.
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // "30" is not 30 and 30 is not "30": a quoted number in the file is a mistake worth naming.
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean, LogicalType.Enum)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual || type == LogicalType.Enum
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual
                            ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return mapper;
    }

    /** Wrong-typed values reported per file at most; past that the file is likely not an environment file. */
    private static final int MAX_BINDING_PROBLEMS = 50;

    /** The environments this directory defines, sorted. */
    public List<String> environments() {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(List.of(new ConfigProblem(dir.toString(), "$", "expected a directory of"
                    + " environment files, found " + (Files.exists(dir) ? "a file" : "nothing at this path"))));
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.equals("schema.json")
                            && !n.startsWith("base") && !n.startsWith("_"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(dir.toString(), "$",
                    "cannot list the environment files: " + e.getMessage())));
        }
    }

    /** Loads every environment; problems of all files are reported together. */
    public List<EnvironmentConfig> loadAll() {
        List<EnvironmentConfig> all = new ArrayList<>();
        List<ConfigProblem> problems = new ArrayList<>();
        for (String env : environments()) {
            try {
                all.add(load(env));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return all;
    }

    /** Loads one environment, or throws a {@link ConfigException} with every problem found. */
    public EnvironmentConfig load(String env) {
        List<String> known = environments();
        if (!known.contains(env)) {
            throw new ConfigException(List.of(new ConfigProblem(display(env), "$",
                    "unknown environment " + ConfigProblems.quote(env) + ": expected one of " + known
                            + " (the environment files in " + dir + ")")));
        }
        Map<String, String> origin = new HashMap<>();
        ObjectNode merged = readChain(env, origin);
        merged.remove(EXTENDS);
        merged.remove(SCHEMA);
        String envFile = display(env);
        if (merged.has("environment") && !env.equals(merged.get("environment").asText())) {
            // blamed on the file that set it, which may be the base the environment extends
            fail(fileOf("$.environment", origin, envFile), "$.environment", "expected the file's own name " + ConfigProblems.quote(env)
                    + ", found " + merged.get("environment"));
        }
        merged.put("environment", env);

        ConfigProblems problems = new ConfigProblems();
        EnvironmentConfig config = bind(merged, problems);
        if (config != null) {
            config.validate(problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.entries().stream()
                    .map(e -> new ConfigProblem(fileOf(e.path(), origin, envFile), e.path(), e.message()))
                    .toList());
        }
        return config;
    }

    /** Reads {@code env} and what it extends, merging child over parent, recording each path's file. */
    private ObjectNode readChain(String env, Map<String, String> origin) {
        List<String> chain = new ArrayList<>();
        List<ObjectNode> trees = new ArrayList<>();
        String current = env;
        LinkedHashSet<String> visited = new LinkedHashSet<>();
        while (current != null) {
            if (!visited.add(current)) {
                List<String> loop = new ArrayList<>(visited);
                loop.add(current);
                fail(display(chain.get(chain.size() - 1)), "$.extends",
                        "extends loop: " + String.join(" -> ", loop));
            }
            ObjectNode tree = readFile(current);
            chain.add(current);
            trees.add(tree);
            JsonNode parent = tree.get(EXTENDS);
            if (parent == null) {
                current = null;
            } else if (!parent.isTextual()) {
                fail(display(current), "$.extends", "expected the name of another file in " + dir
                        + " (a string), found " + parent);
            } else {
                String next = parent.asText();
                // A name, not a path: the files an environment is built from are the reviewed ones in this directory.
                if (!next.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
                    fail(display(current), "$.extends", "expected the name of a file beside this one (no path), found "
                            + ConfigProblems.quote(next));
                }
                if (!Files.isRegularFile(dir.resolve(next + ".json"))) {
                    fail(display(current), "$.extends", "expected the name of a file beside this one, found "
                            + ConfigProblems.quote(next) + " (there is no " + next + ".json)");
                }
                current = next;
            }
        }
        ObjectNode merged = mapper.createObjectNode();
        for (int i = trees.size() - 1; i >= 0; i--) {
            merge(merged, trees.get(i), "$", display(chain.get(i)), origin);
        }
        return merged;
    }

    private ObjectNode readFile(String name) {
        Path file = dir.resolve(name + ".json");
        String shown = display(name);
        JsonNode tree;
        try {
            String text = Files.readString(file);
            // RFC 8259 lets a parser ignore a byte order mark; editors on Windows write one.
            tree = mapper.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (NoSuchFileException e) {
            throw new ConfigException(List.of(new ConfigProblem(shown, "$", "file not found")));
        } catch (JsonParseException e) {
            throw new ConfigException(List.of(new ConfigProblem(shown, pathOf(e.getProcessor()), parseMessage(e))));
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(new ConfigProblem(shown, "$", parseMessage(e))));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException(List.of(new ConfigProblem(shown, "$",
                    "expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8)")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(shown, "$", "cannot read: " + readFailure(e))));
        }
        if (tree == null || tree.isMissingNode() || !tree.isObject()) {
            fail(shown, "$", "expected a JSON object, found " + (tree == null || tree.isMissingNode()
                    ? "an empty file" : kind(tree)));
        }
        List<String> nulls = new ArrayList<>();
        findNulls(tree, "$", nulls);
        if (!nulls.isEmpty()) {
            throw new ConfigException(nulls.stream().map(p -> new ConfigProblem(shown, p,
                    "expected a value, found null (leave the key out to use the default)")).toList());
        }
        return (ObjectNode) tree;
    }

    private static void findNulls(JsonNode node, String path, List<String> out) {
        if (node.isNull()) {
            out.add(path);
        } else if (node.isObject()) {
            node.properties().forEach(e -> findNulls(e.getValue(), JsonPaths.field(path, e.getKey()), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findNulls(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /** Objects merge key by key; anything else (arrays included) is replaced whole by the child. */
    private static void merge(ObjectNode target, JsonNode source, String path, String file, Map<String, String> origin) {
        origin.put(path, file);
        for (Map.Entry<String, JsonNode> f : source.properties()) {
            String childPath = JsonPaths.field(path, f.getKey());
            JsonNode existing = target.get(f.getKey());
            if (existing != null && existing.isObject() && f.getValue().isObject()) {
                merge((ObjectNode) existing, f.getValue(), childPath, file, origin);
            } else {
                target.set(f.getKey(), f.getValue().deepCopy());
                // What the parent had below this path is gone: its origins must not answer for it.
                origin.keySet().removeIf(k -> k.startsWith(childPath + ".") || k.startsWith(childPath + "["));
                markAll(f.getValue(), childPath, file, origin);
            }
        }
    }

    private static void markAll(JsonNode node, String path, String file, Map<String, String> origin) {
        origin.put(path, file);
        if (node.isObject()) {
            node.properties().forEach(e -> markAll(e.getValue(), JsonPaths.field(path, e.getKey()), file, origin));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                markAll(node.get(i), path + "[" + i + "]", file, origin);
            }
        }
    }

    /** The file that set the longest existing prefix of {@code path}; the environment file otherwise. */
    private static String fileOf(String path, Map<String, String> origin, String envFile) {
        String p = path;
        while (!p.isEmpty()) {
            String f = origin.get(p);
            if (f != null) {
                return p.equals("$") ? envFile : f;
            }
            p = JsonPaths.parent(p);
        }
        return envFile;
    }

    /**
     * Binds the merged tree, collecting every unknown key and every value of the wrong type: Jackson
     * stops at the first mismatch, so each one is recorded, its key taken out of a copy of the tree,
     * and the tree bound again. Null when anything was wrong (meaning is then not checked: the
     * values it would read are not all there).
     */
    private EnvironmentConfig bind(ObjectNode merged, ConfigProblems problems) {
        Set<ConfigProblems.Entry> unknown = new LinkedHashSet<>();
        List<ConfigProblems.Entry> mismatched = new ArrayList<>();
        // A reader, not a copy of the mapper: it shares the mapper's deserializers, which Jackson
        // builds once per record type (most of a cold load) instead of once per file loaded.
        ObjectReader collecting = mapper.readerFor(EnvironmentConfig.class).withHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                                 Object beanOrClass, String propertyName) throws IOException {
                List<String> expected = new ArrayList<>();
                Collection<Object> names = deserializer.getKnownPropertyNames();
                if (names != null) {
                    names.forEach(n -> expected.add(String.valueOf(n)));
                }
                expected.sort(null);
                // A record binds through its constructor, so Jackson replays the unknown keys it held back from a
                // buffer once it has every component: that parser's context is the buffer's. The main parser is
                // then on the object's '}' (its path is the object's) or on the next key (one level up from it).
                JsonParser main = ctxt.getParser();
                String object = main.currentToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME
                        ? JsonPaths.parent(pathOf(main)) : pathOf(main);
                String at = p == main ? pathOf(p) : JsonPaths.field(object, propertyName);
                unknown.add(new ConfigProblems.Entry(at,
                        "unknown key " + ConfigProblems.quote(propertyName)
                                + (expected.isEmpty() ? "" : " (expected one of: " + String.join(", ", expected) + ")")));
                p.skipChildren();
                return true;
            }
        });
        ObjectNode tree = merged;
        EnvironmentConfig config = null;
        while (config == null) {
            try {
                config = collecting.readValue(tree);
            } catch (JsonMappingException e) {
                mismatched.add(new ConfigProblems.Entry(pathOf(e.getPath()),
                        bindMessage(e, tree.at(pointerOf(e.getPath())))));
                if (mismatched.size() >= MAX_BINDING_PROBLEMS) {
                    mismatched.add(new ConfigProblems.Entry("$", "more values of the wrong type; fix these first"));
                    break;
                }
                // Take out the nearest key of an object on the path (for a list item, the whole list):
                // removing a list item would shift the paths of the items after it.
                List<JsonMappingException.Reference> path = e.getPath();
                int last = path.size() - 1;
                while (last >= 0 && path.get(last).getFieldName() == null) {
                    last--;
                }
                tree = tree == merged ? merged.deepCopy() : tree;
                JsonNode parent = last < 0 ? null : tree.at(pointerOf(path.subList(0, last)));
                if (!(parent instanceof ObjectNode object) || object.remove(path.get(last).getFieldName()) == null) {
                    break;
                }
            } catch (JsonProcessingException e) {
                mismatched.add(new ConfigProblems.Entry("$", e.getOriginalMessage()));
                break;
            } catch (IOException e) {
                // reading a tree in memory does no I/O, whatever the signature says
                throw new java.io.UncheckedIOException(e);
            }
        }
        problems.addAll(unknown);
        problems.addAll(mismatched);
        return unknown.isEmpty() && mismatched.isEmpty() ? config : null;
    }

    private String bindMessage(JsonMappingException e, JsonNode found) {
        String foundText = found == null || found.isMissingNode() ? "nothing" : describeFound(found);
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null) {
            return "expected " + describeType(mapper.constructType(ife.getTargetType())) + ", found " + foundText;
        }
        if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            return "expected " + describeType(mapper.constructType(mie.getTargetType())) + ", found " + foundText;
        }
        String msg = e.getOriginalMessage();
        if (msg.startsWith("Numeric value (") && msg.contains("out of range of int")) {
            return "expected a whole number of at most " + Integer.MAX_VALUE + ", found " + foundText;
        }
        return msg.contains("\n") ? msg.substring(0, msg.indexOf('\n')) : msg;
    }

    private String describeType(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class) {
            return "a string";
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            return "a whole number";
        }
        if (raw == Double.class || raw == double.class) {
            return "a number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        if (raw.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object c : raw.getEnumConstants()) {
                try {
                    values.add(mapper.writeValueAsString(c));
                } catch (JsonProcessingException ex) {
                    values.add(c.toString());
                }
            }
            return "one of " + String.join(", ", values);
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return "an array";
        }
        return "an object";
    }

    private static String describeFound(JsonNode node) {
        String text = node.toString();
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return node.isValueNode() ? shown : kind(node) + " " + shown;
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Why a file could not be read, in words: NIO's exceptions carry only the path as their message. */
    static String readFailure(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            String why = fs instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : fs instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : fs.getReason() != null ? fs.getReason() : "file system error";
            return why + " (" + fs.getFile() + ")";
        }
        return String.valueOf(e.getMessage());
    }

    private static String parseMessage(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        var loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        if (msg.startsWith("Duplicate field")) {
            String key = msg.substring(msg.indexOf('\'') + 1, msg.lastIndexOf('\''));
            return "duplicate key " + ConfigProblems.quote(key) + where;
        }
        if (msg.startsWith("Trailing token")) {
            return "unexpected content after the end of the JSON object" + where;
        }
        String first = msg.contains("\n") ? msg.substring(0, msg.indexOf('\n')) : msg;
        // Jackson appends where the enclosing object started, with a redacted source: noise here.
        int marker = first.indexOf(" (start marker at");
        return "malformed JSON" + where + ": " + (marker > 0 ? first.substring(0, marker) : first);
    }

    /** The JSON path of where a parser is, e.g. {@code $.alerting.critical.emails[1]}. */
    static String pathOf(Object processor) {
        if (!(processor instanceof JsonParser parser)) {
            return "$";
        }
        List<String> parts = new ArrayList<>();
        JsonStreamContext ctx = parser.getParsingContext();
        // While a field name is the current token, the object's context already names it.
        while (ctx != null && !ctx.inRoot()) {
            if (ctx.inObject() && ctx.getCurrentName() != null) {
                parts.add(0, JsonPaths.field("", ctx.getCurrentName()));
            } else if (ctx.inArray() && ctx.getCurrentIndex() >= 0) {
                // index -1: the parser is on the array's own '[' (an unknown key's array value), no item yet
                parts.add(0, "[" + ctx.getCurrentIndex() + "]");
            }
            ctx = ctx.getParent();
        }
        return "$" + String.join("", parts);
    }

    static String pathOf(List<JsonMappingException.Reference> refs) {
        String path = "$";
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                path = JsonPaths.field(path, r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path = JsonPaths.index(path, r.getIndex());
            }
        }
        return path;
    }

    private static com.fasterxml.jackson.core.JsonPointer pointerOf(List<JsonMappingException.Reference> refs) {
        StringBuilder ptr = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                ptr.append('/').append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (r.getIndex() >= 0) {
                ptr.append('/').append(r.getIndex());
            }
        }
        return com.fasterxml.jackson.core.JsonPointer.compile(ptr.toString());
    }

    private String display(String env) {
        return dir.resolve(env + ".json").toString();
    }

    private static void fail(String file, String path, String message) {
        throw new ConfigException(List.of(new ConfigProblem(file, path, message)));
    }
}
