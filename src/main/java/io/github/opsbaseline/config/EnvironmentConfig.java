package io.github.opsbaseline.config;

import static io.github.opsbaseline.config.JsonPaths.field;
import static io.github.opsbaseline.config.JsonPaths.index;

import io.github.opsbaseline.core.ResourceNames;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One environment's file ({@code stacks-config/<env>.json}, merged over what it extends), bound and
 * validated. Built by {@link ConfigLoader}; constructs never read it directly, the app maps it to
 * their props.
 *
 * @param project project name, first part of every resource name; required
 * @param environment environment name; default the file's name, and must equal it when given
 * @param account the AWS account id; default none (the stacks are environment-agnostic)
 * @param region the home region; default none (environment-agnostic)
 * @param drRegion the disaster-recovery region for backup copies; default none (no DR copies)
 * @param tags extra tags for every resource, applied after the baseline's own; default none
 * @param dataClassification sensitivity of the data; default {@code confidential} (seed 003)
 * @param compliance standards the environment must meet; default none (AwsSolutions checks only)
 * @param removalPolicy what a stack deletion does to stateful resources; default {@code retain}
 * @param alerting who is told about what; default nobody (topics still exist for integrations)
 * @param workload what runs in the account and is watched; default nothing
 * @param monitoring monitoring settings; default the seeds' thresholds
 * @param security security controls; default all the baseline's defaults
 * @param backup backup plans; default the baseline's defaults
 * @param cost budget, anomaly alerts and the usage assumed by the cost estimate; default no budget
 */
public record EnvironmentConfig(
        String project,
        String environment,
        String account,
        String region,
        String drRegion,
        Map<String, String> tags,
        DataClassification dataClassification,
        List<ComplianceStandard> compliance,
        RemovalChoice removalPolicy,
        AlertingConfig alerting,
        WorkloadConfig workload,
        MonitoringConfig monitoring,
        SecurityConfig security,
        BackupConfig backup,
        CostConfig cost) {

    public EnvironmentConfig {
        // TreeMap: tags reach every template, so their order must not depend on the file's.
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
        dataClassification = dataClassification == null ? DataClassification.CONFIDENTIAL : dataClassification;
        compliance = compliance == null ? List.of() : List.copyOf(compliance);
        removalPolicy = removalPolicy == null ? RemovalChoice.RETAIN : removalPolicy;
        alerting = alerting == null ? AlertingConfig.none() : alerting;
        workload = workload == null ? WorkloadConfig.empty() : workload;
        monitoring = monitoring == null ? MonitoringConfig.defaults() : monitoring;
        security = security == null ? SecurityConfig.defaults() : security;
        backup = backup == null ? BackupConfig.defaults() : backup;
        cost = cost == null ? CostConfig.defaults() : cost;
    }

    /** The naming scheme of this environment's resources. */
    public ResourceNames names() {
        return new ResourceNames(project, environment);
    }

    public boolean hasStandard(ComplianceStandard standard) {
        return compliance.contains(standard);
    }

    /** The characters AWS allows in tag keys and values (the tagging API's documented set). */
    private static final java.util.regex.Pattern TAG_TEXT = java.util.regex.Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    /** AWS's limit on tags per resource. */
    public static final int MAX_TAGS = 50;
    /** The tags the baseline puts on every resource ({@code compliance.BaselineTags}), which count towards {@link #MAX_TAGS}. */
    public static final List<String> BASELINE_TAG_KEYS = List.of("project", "environment", "data-classification",
            "compliance", "managed-by");

    /** AWS reserves the {@code aws:} prefix, in any case, for both tag keys and tag values. */
    static boolean reservedByAws(String text) {
        return text.regionMatches(true, 0, "aws:", 0, 4);
    }

    /**
     * One tag the baseline puts on resources, as AWS's tagging rules allow it: the environment's tags
     * and the tags a backup rule puts on its recovery points are held to the same rules.
     *
     * @param path the tag's JSON path, reported with each problem
     */
    static void checkTag(ConfigProblems problems, String path, String key, String value) {
        if (key.isBlank() || key.length() > 128 || reservedByAws(key) || !TAG_TEXT.matcher(key).matches()) {
            problems.add(path, "not a tag key (1-128 letters, digits, spaces and _ . : / = + - @, not blank, not"
                    + " starting with \"aws:\" in any case): " + ConfigProblems.quote(key));
        }
        if (value == null || value.length() > 256 || reservedByAws(value) || !TAG_TEXT.matcher(value).matches()) {
            problems.add(path, "not a tag value (at most 256 letters, digits, spaces and _ . : / = + - @, not"
                    + " starting with \"aws:\" in any case)"
                    + (value == null ? "" : ": " + ConfigProblems.quote(value)));
        }
    }

    /**
     * Whether project and environment have the form {@link ResourceNames} needs: checks that build
     * names from them run only then (a bad one is reported by {@link #validate} already).
     */
    boolean namesAreValid() {
        return project != null && environment != null && Patterns.STACK_NAME_PREFIX.matcher(project).matches()
                && Patterns.STACK_NAME_PREFIX.matcher(environment).matches();
    }

    /** Checks meaning (forms, ranges, cross references); every problem is collected, none thrown. */
    public void validate(ConfigProblems problems) {
        String root = JsonPaths.ROOT;
        if (problems.require(field(root, "project"), project)) {
            problems.matches(field(root, "project"), project, Patterns.STACK_NAME_PREFIX,
                    "a project name of lower-case letters, digits and dashes, starting with a letter (at most 39)");
        }
        problems.matches(field(root, "environment"), environment, Patterns.STACK_NAME_PREFIX,
                "an environment name of lower-case letters, digits and dashes, starting with a letter");
        if (namesAreValid() && project.length() + 1 + environment.length() > ResourceNames.MAX_PREFIX) {
            String prefix = project + "-" + environment;
            // at $.environment: the file's own name is part of it, and the line then names that file
            problems.add(field(root, "environment"), "expected project and environment to make a name prefix of at most "
                    + ResourceNames.MAX_PREFIX + " characters (the DR replica bucket <prefix>-backup-replica-<account id>"
                    + " must fit S3's 63), found " + ConfigProblems.quote(prefix) + " (" + prefix.length() + ")");
        }
        problems.matches(field(root, "account"), account, Patterns.ACCOUNT, "an AWS account id (12 digits)");
        Patterns.region(problems, field(root, "region"), region);
        Patterns.region(problems, field(root, "drRegion"), drRegion);
        if (drRegion != null && drRegion.equals(region)) {
            problems.add(field(root, "drRegion"), "expected a region other than the home region "
                    + ConfigProblems.quote(region) + ", found the same");
        }
        if (drRegion != null && region == null) {
            problems.add(field(root, "region"), "missing: a drRegion needs the home region set");
        }
        tags.forEach((key, value) -> checkTag(problems, field(field(root, "tags"), key), key, value));
        long ownTags = tags.keySet().stream().filter(k -> !BASELINE_TAG_KEYS.contains(k)).count();
        if (ownTags + BASELINE_TAG_KEYS.size() > MAX_TAGS) {
            problems.add(field(root, "tags"), "expected at most " + (MAX_TAGS - BASELINE_TAG_KEYS.size())
                    + " tags of your own (AWS allows " + MAX_TAGS + " per resource and the baseline adds "
                    + String.join(", ", BASELINE_TAG_KEYS) + "), found " + ownTags);
        }
        Set<ComplianceStandard> seen = new HashSet<>();
        for (int i = 0; i < compliance.size(); i++) {
            if (compliance.get(i) == null) {
                problems.add(index(field(root, "compliance"), i), "expected a standard name, found null");
            } else if (!seen.add(compliance.get(i))) {
                problems.add(index(field(root, "compliance"), i), "duplicate standard: " + compliance.get(i));
            }
        }
        alerting.validate(problems, field(root, "alerting"));
        workload.validate(problems, field(root, "workload"));
        monitoring.validate(problems, field(root, "monitoring"), this);
        security.validate(problems, field(root, "security"), this);
        backup.validate(problems, field(root, "backup"), this);
        cost.validate(problems, field(root, "cost"), this);
    }
}
