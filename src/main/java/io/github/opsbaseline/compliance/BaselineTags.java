package io.github.opsbaseline.compliance;

import io.github.opsbaseline.config.ComplianceStandard;
import io.github.opsbaseline.config.EnvironmentConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.Tags;
import software.constructs.IConstruct;

/**
 * The tags every resource of an environment carries: who owns it, how sensitive its data is and
 * which standards it serves, so cost reports, Config rules and auditors can filter by them.
 */
public final class BaselineTags {

    public static final String PROJECT = "project";
    public static final String ENVIRONMENT = "environment";
    public static final String DATA_CLASSIFICATION = "data-classification";
    public static final String COMPLIANCE = "compliance";
    public static final String MANAGED_BY = "managed-by";

    private BaselineTags() { }

    /** The baseline's tags followed by the environment file's own (which may override them). */
    public static Map<String, String> of(EnvironmentConfig config) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(PROJECT, config.project());
        tags.put(ENVIRONMENT, config.environment());
        tags.put(DATA_CLASSIFICATION, config.dataClassification().id());
        tags.put(COMPLIANCE, config.compliance().isEmpty() ? "none"
                : config.compliance().stream().map(ComplianceStandard::name).collect(Collectors.joining(" ")));
        tags.put(MANAGED_BY, "ops-baseline");
        tags.putAll(config.tags());
        return tags;
    }

    /** Tags {@code scope} and everything below it. */
    public static void apply(IConstruct scope, Map<String, String> tags) {
        // One Tags for all of them: each Tags.of is a jsii round trip, and another for the runtime to
        // name the new object's class.
        Tags tagger = Tags.of(scope);
        tags.forEach(tagger::add);
    }
}
