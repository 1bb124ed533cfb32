package io.github.opsbaseline.config;

/** Builds the {@code $.a.b[2].c} paths that every config message names. */
public final class JsonPaths {

    public static final String ROOT = "$";

    private JsonPaths() { }

    /** A name that reads unambiguously after a dot; any other key is written {@code ['like.this']}. */
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    public static String field(String parent, String name) {
        return PLAIN.matcher(name).matches() ? parent + "." + name
                : parent + "['" + escape(name, '\'') + "']";
    }

    /**
     * {@code text} with {@code quote}, backslashes and control characters escaped as JSON writes them:
     * a key or value holding a newline would otherwise split its one-line message in two.
     */
    static String escape(String text, char quote) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c == quote) {
                        escaped.append('\\').append(quote);
                    } else if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                        escaped.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
                    } else {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
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
