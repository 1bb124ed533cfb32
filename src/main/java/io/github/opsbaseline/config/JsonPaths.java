package io.github.opsbaseline.config;

/** Builds the {@code $.a.b[2].c} paths that every config message names. */
public final class JsonPaths {

    public static final String ROOT = "$";

    private JsonPaths() { }

    /** A name that reads unambiguously after a dot; any other key is written {@code ['like.this']}. */
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    public static String field(String parent, String name) {
        return PLAIN.matcher(name).matches() ? parent + "." + name
                : parent + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** The path one level up: {@code $.a} of {@code $.a.b}, {@code $.a['b.c']} and {@code $.a[2]}; "" for the root. */
    static String parent(String path) {
        if (path.endsWith("']")) {
            return path.substring(0, path.lastIndexOf("['"));
        }
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
