package io.github.opsbaseline.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.function.Function;

/**
 * What a target receives from an EventBridge input transformer, as EventBridge writes it: a
 * placeholder inside a quoted string gets the event's text as it is (not escaped), one that stands for
 * a whole value gets the value as JSON. A message whose free text sits inside a quoted string breaks on
 * the first quote or line break in it; this shows it.
 */
public final class EventBridgeInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventBridgeInput() { }

    /**
     * The target's input for the rule target's {@code InputTransformer} (its template and paths map),
     * with {@code valueOf} giving the event's value at each path.
     *
     * @throws JsonProcessingException when the result is not JSON, as a target would find it
     */
    public static JsonNode render(JsonNode inputTransformer, Function<String, String> valueOf) throws JsonProcessingException {
        String template = inputTransformer.path("InputTemplate").asText();
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '"' && (i == 0 || template.charAt(i - 1) != '\\')) {
                inString = !inString;
            }
            if (c == '<') {
                int end = template.indexOf('>', i);
                String name = template.substring(i + 1, end);
                JsonNode path = inputTransformer.path("InputPathsMap").path(name);
                if (!path.isMissingNode()) {
                    String value = valueOf.apply(path.asText());
                    out.append(inString ? value : JSON.writeValueAsString(value));
                    i = end;
                    continue;
                }
            }
            out.append(c);
        }
        return JSON.readTree(out.toString());
    }

    /** {@link #render} with the values of a map, every other path's value {@code x}. */
    public static JsonNode render(JsonNode inputTransformer, Map<String, String> values) throws JsonProcessingException {
        return render(inputTransformer, path -> values.getOrDefault(path, "x"));
    }
}
