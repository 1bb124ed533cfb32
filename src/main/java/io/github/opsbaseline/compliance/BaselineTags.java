package io.github.opsbaseline.compliance;

import io.github.opsbaseline.config.ComplianceStandard;
import io.github.opsbaseline.config.EnvironmentConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awscdk.TagProps;
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
    /** The value of {@link #MANAGED_BY}. */
    private static final String THIS_LIBRARY = "ops-baseline";

    private BaselineTags() { }

    /** The baseline's tags followed by the environment file's own (which may override them). */
    public static Map<String, String> of(EnvironmentConfig config) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(PROJECT, config.project());
        tags.put(ENVIRONMENT, config.environment());
        tags.put(DATA_CLASSIFICATION, config.dataClassification().id());
        tags.put(COMPLIANCE, config.compliance().isEmpty() ? "none"
                : config.compliance().stream().map(ComplianceStandard::name).collect(Collectors.joining(" ")));
        tags.put(MANAGED_BY, THIS_LIBRARY);
        tags.putAll(config.tags());
        return tags;
    }

    /**
     * Resource types whose tags CloudFormation can only change by replacing the resource, and whose
     * replacement cannot be created beside the old one: AWS allows one service anomaly monitor per
     * account. The file's tags change (a standard added, a new owner); these carry
     * {@link #stable} tags of their own instead.
     */
    public static final List<String> REPLACED_ON_TAG_CHANGE = List.of(
            "AWS::CE::AnomalyMonitor", "AWS::CE::AnomalySubscription");

    /** Tags {@code scope} and everything below it, but the {@link #REPLACED_ON_TAG_CHANGE} types. */
    public static void apply(IConstruct scope, Map<String, String> tags) {
        // One Tags for all of them: each Tags.of is a jsii round trip, and another for the runtime to
        // name the new object's class.
        Tags tagger = Tags.of(scope);
        TagProps props = TagProps.builder().excludeResourceTypes(REPLACED_ON_TAG_CHANGE).build();
        tags.forEach((key, value) -> tagger.add(key, value, props));
    }

    /** The tags that never change for an environment: project, environment and managed-by. */
    public static Map<String, String> stable(String project, String environment) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(PROJECT, project);
        tags.put(ENVIRONMENT, environment);
        tags.put(MANAGED_BY, THIS_LIBRARY);
        return tags;
    }
}
