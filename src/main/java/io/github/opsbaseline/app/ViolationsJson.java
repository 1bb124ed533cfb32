package io.github.opsbaseline.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.PolicyViolatingResource;
import software.amazon.awscdk.PolicyViolation;

/**
 * The validator's violations as JSON, in the shape the CDK's plugin returns them in node: what the
 * validator workers send back and what the validation cache keeps.
 */
final class ViolationsJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private ViolationsJson() {
    }

    /**
     * The violations of a plugin report's {@code violations} array.
     *
     * @param templatePath the path every resource gets, or null to keep each resource's own
     */
    static List<PolicyViolation> read(JsonNode violations, String templatePath) {
        List<PolicyViolation> list = new ArrayList<>();
        for (JsonNode v : violations) {
            List<PolicyViolatingResource> resources = new ArrayList<>();
            for (JsonNode r : v.path("violatingResources")) {
                List<String> locations = new ArrayList<>();
                r.path("locations").forEach(l -> locations.add(l.asText()));
                resources.add(PolicyViolatingResource.builder()
                        .resourceLogicalId(text(r, "resourceLogicalId"))
                        .constructPath(text(r, "constructPath"))
                        .templatePath(templatePath != null ? templatePath : text(r, "templatePath"))
                        .locations(locations)
                        .build());
            }
            Map<String, String> metadata = null;
            if (v.hasNonNull("ruleMetadata")) {
                metadata = new TreeMap<>();
                for (Map.Entry<String, JsonNode> field : v.get("ruleMetadata").properties()) {
                    metadata.put(field.getKey(), field.getValue().asText());
                }
            }
            list.add(PolicyViolation.builder()
                    .ruleName(v.path("ruleName").asText())
                    .description(v.path("description").asText())
                    .severity(text(v, "severity"))
                    .fix(text(v, "fix"))
                    .ruleMetadata(metadata)
                    .violatingResources(resources)
                    .build());
        }
        return list;
    }

    /**
     * {@code violations} as {@link #read} takes them back, without the resources' template paths:
     * the cache gives each its current one.
     */
    static ArrayNode withoutTemplatePaths(List<PolicyViolation> violations) {
        ArrayNode list = JSON.createArrayNode();
        for (PolicyViolation v : violations) {
            ObjectNode out = list.addObject().put("ruleName", v.getRuleName()).put("description", v.getDescription());
            putIfSet(out, "severity", v.getSeverity());
            putIfSet(out, "fix", v.getFix());
            if (v.getRuleMetadata() != null) {
                ObjectNode metadata = out.putObject("ruleMetadata");
                new TreeMap<>(v.getRuleMetadata()).forEach(metadata::put);
            }
            ArrayNode resources = out.putArray("violatingResources");
            for (PolicyViolatingResource r : v.getViolatingResources()) {
                ObjectNode resource = resources.addObject();
                putIfSet(resource, "resourceLogicalId", r.getResourceLogicalId());
                putIfSet(resource, "constructPath", r.getConstructPath());
                ArrayNode locations = resource.putArray("locations");
                if (r.getLocations() != null) {
                    r.getLocations().forEach(locations::add);
                }
            }
        }
        return list;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
