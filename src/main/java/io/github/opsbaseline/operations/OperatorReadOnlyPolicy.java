package io.github.opsbaseline.operations;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import io.github.opsbaseline.operations.StatusReaderPermissions.Scope;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IManagedPolicy;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * A read-only IAM managed policy {@code <project>-<env>-status-reader} with exactly the actions
 * the {@code ops-baseline status} command calls ({@link StatusReaderPermissions}), each narrowed to
 * the environment's resources where the API has resource-level permissions. Attach it to the
 * operators' role or group (or a CI role running {@code status} as a smoke check).
 */
public class OperatorReadOnlyPolicy extends Construct {

    private final ManagedPolicy policy;

    public OperatorReadOnlyPolicy(Construct scope, String id, OperatorReadOnlyPolicyProps props) {
        super(scope, id);
        List<PolicyStatement> statements = new ArrayList<>();
        for (Scope s : Scope.values()) {
            List<String> resources = resources(s, props);
            List<String> actions = StatusReaderPermissions.actions(s);
            if (!resources.isEmpty() && !actions.isEmpty()) {
                statements.add(PolicyStatement.Builder.create().sid(sid(s)).effect(Effect.ALLOW)
                        .actions(actions).resources(resources).build());
            }
        }
        policy = ManagedPolicy.Builder.create(this, "Policy")
                .managedPolicyName(props.names().name("status-reader"))
                .description("Read-only: what `ops-baseline status --env " + props.names().environment()
                        + "` reads (alarms, services, data stores, security findings, backups, logs, cost)")
                .statements(statements)
                .build();
        NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Read-only actions without resource-level permissions take Resource \"*\": "
                        + String.join(", ", StatusReaderPermissions.actions(Scope.ANY))
                        + " (cloudwatch:DescribeAlarms must be \"*\" to return composite alarms). "
                        + "logs:StartQuery is on the named log groups and their streams (:*). Past "
                        + MAX_LISTED + " resources of a kind, they are named by their common prefix and *, as a managed"
                        + " policy holds at most 6,144 characters.")
                .appliesTo(List.of("Resource::*",
                        // <AWS::Partition>, <AWS::Region> and <AWS::AccountId> hold colons: match them with .*
                        RegexAppliesTo.builder().regex("/^Resource::arn:.*:logs:.*:log-group:.+:\\*$/").build(),
                        RegexAppliesTo.builder().regex("/^Resource::arn:.*:(ecs|rds|elasticache|logs):.*[^:]\\*$/").build()))
                .build()), true);
    }

    /** The policy, to attach to a role, user or group. */
    public IManagedPolicy policy() {
        return policy;
    }

    private static String sid(Scope scope) {
        StringBuilder sid = new StringBuilder("Read");
        for (String part : scope.name().split("_")) {
            sid.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return sid.toString();
    }

    /**
     * More resources of one kind than this are named by their common prefix and a wildcard: a managed
     * policy holds at most 6,144 characters, which a few hundred ARNs exceed.
     */
    static final int MAX_LISTED = 10;

    private List<String> resources(Scope scope, OperatorReadOnlyPolicyProps props) {
        return switch (scope) {
            case ANY -> List.of("*");
            case ECS_SERVICE -> listed(props.ecsServices().stream().map(s -> s.cluster() + "/" + s.serviceName()).toList())
                    .stream().map(n -> arn("ecs", null, "service", n, ArnFormat.SLASH_RESOURCE_NAME)).toList();
            case DB_INSTANCE -> listed(props.dbInstanceIds()).stream()
                    .map(i -> arn("rds", null, "db", i, ArnFormat.COLON_RESOURCE_NAME)).toList();
            case DB_CLUSTER -> listed(props.dbClusterIds()).stream()
                    .map(i -> arn("rds", null, "cluster", i, ArnFormat.COLON_RESOURCE_NAME)).toList();
            case REPLICATION_GROUP -> listed(props.replicationGroupIds()).stream()
                    .map(i -> arn("elasticache", null, "replicationgroup", i, ArnFormat.COLON_RESOURCE_NAME)).toList();
            // a prefix wildcard already covers the groups' streams (":*")
            case LOG_GROUP -> listed(props.logGroupNames()).stream()
                    .flatMap(g -> (g.endsWith("*") ? List.of(g) : List.of(g, g + ":*")).stream())
                    .map(g -> arn("logs", null, "log-group", g, ArnFormat.COLON_RESOURCE_NAME)).toList();
            case BACKUP_VAULT -> props.backupVaults().stream()
                    .map(v -> arn("backup", v.region(), "backup-vault", v.name(), ArnFormat.COLON_RESOURCE_NAME)).toList();
        };
    }

    /** The names as they are, or past {@link #MAX_LISTED} their longest common prefix followed by {@code *}. */
    static List<String> listed(List<String> names) {
        if (names.size() <= MAX_LISTED) {
            return names;
        }
        String prefix = names.get(0);
        for (String n : names) {
            int i = 0;
            while (i < prefix.length() && i < n.length() && prefix.charAt(i) == n.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        return List.of(prefix + "*");
    }

    private String arn(String service, String region, String resource, String name, ArnFormat format) {
        ArnComponents.Builder arn = ArnComponents.builder().service(service).resource(resource).resourceName(name)
                .arnFormat(format);
        if (region != null) {
            arn.region(region);
        }
        return Stack.of(this).formatArn(arn.build());
    }
}
