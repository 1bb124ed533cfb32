package io.github.opsbaseline.config;

/** Builds the {@code $.a.b[2].c} paths that every config message names. */
public final class JsonPaths {

    public static final String ROOT = "$";

    private JsonPaths() { }

    public static String field(String parent, String name) {
        return parent + "." + name;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
