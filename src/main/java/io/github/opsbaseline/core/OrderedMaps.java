package io.github.opsbaseline.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps that keep the order they are written in. Anything that reaches a template (conditions,
 * event patterns, tags) must be built with these, not {@code Map.of}, whose iteration order changes
 * from one JVM run to the next and so would change the synthesized bytes.
 */
public final class OrderedMaps {

    private OrderedMaps() { }

    /** {@code of("k1", v1, "k2", v2, ...)}: an unmodifiable map in argument order. */
    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected key/value pairs, got " + keysAndValues.length + " arguments");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
