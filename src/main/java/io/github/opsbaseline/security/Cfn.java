package io.github.opsbaseline.security;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds CloudFormation property trees for L1 overrides (WAF statements, advanced event selectors)
 * in insertion order, so templates stay byte-identical between runs.
 */
final class Cfn {

    private Cfn() { }

    /** {@code map("Name", value, "Other", value, ...)} as an ordered map. */
    static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
