package io.github.opsbaseline.monitoring.canary;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.opsbaseline.core.ResourceNames;
import io.github.opsbaseline.monitoring.MonitoringKey;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.synthetics.Code;
import software.amazon.awscdk.services.synthetics.CustomTestOptions;
import software.amazon.awscdk.services.synthetics.Schedule;
import software.amazon.awscdk.services.synthetics.Test;
import software.constructs.Construct;

/**
 * What every health canary of an environment shares: the artifacts key and hardened, expiring bucket,
 * and one least-privilege role. One per environment, however many stacks hold canaries, so a
 * thousand services do not mean a thousand buckets (S3 allows 100 per account by default).
 */
public class CanaryInfrastructure extends Construct {

    private final IKey key;
    private final ArtifactBucket bucket;
    private final Role role;
    // Made once and shared by every canary: each is a jsii round trip, and these are immutable.
    private final Map<String, Object> shared = new TreeMap<>();

    /**
     * @param names the naming scheme
     * @param encryptionKey key of the artifacts; null = a new key {@code <project>-<env>-canaries}
     * @param artifactRetentionDays days artifacts are kept
     * @param removalPolicy of the bucket (and a new key)
     */
    public CanaryInfrastructure(Construct scope, String id, ResourceNames names, IKey encryptionKey,
                                int artifactRetentionDays, RemovalPolicy removalPolicy) {
        super(scope, id);
        Stack stack = Stack.of(this);
        key = encryptionKey != null ? encryptionKey
                : new MonitoringKey(this, "Key", names.name("canaries"), removalPolicy).key();
        bucket = new ArtifactBucket(this, "Artifacts", key, artifactRetentionDays, removalPolicy);
        String logGroups = "arn:" + stack.getPartition() + ":logs:" + stack.getRegion() + ":" + stack.getAccount()
                + ":log-group:/aws/lambda/cwsyn-*";
        // A managed policy, not an inline one: the compliance packs refuse inline policies.
        ManagedPolicy policy = ManagedPolicy.Builder.create(this, "Policy")
                .description("What the " + names.prefix() + " health canaries may do")
                .statements(List.of(
                        statement(List.of("s3:PutObject", "s3:GetObject"), List.of(bucket.bucket().arnForObjects("*"))),
                        statement(List.of("s3:GetBucketLocation"), List.of(bucket.bucket().getBucketArn())),
                        statement(List.of("s3:ListAllMyBuckets"), List.of("*")),
                        statement(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"),
                                List.of(logGroups)),
                        PolicyStatement.Builder.create().effect(Effect.ALLOW)
                                .actions(List.of("cloudwatch:PutMetricData")).resources(List.of("*"))
                                .conditions(Map.of("StringEquals",
                                        Map.of("cloudwatch:namespace", "CloudWatchSynthetics")))
                                .build(),
                        statement(List.of("kms:Decrypt", "kms:GenerateDataKey*", "kms:Encrypt"),
                                List.of(key.getKeyArn()))))
                .build();
        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Runs the " + names.prefix() + " health canaries")
                .managedPolicies(List.of(policy))
                .build();
        NagSuppressions.addResourceSuppressions(policy, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("The Synthetics runtime writes artifacts under run-specific keys, logs to its own"
                        + " /aws/lambda/cwsyn-* groups, lists buckets and publishes metrics (namespace-conditioned);"
                        + " these actions take no narrower resource")
                .build()), true);
    }

    private static PolicyStatement statement(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create().effect(Effect.ALLOW).actions(actions).resources(resources).build();
    }

    /** The canary test (the health script, inline), the same object for every canary. */
    Test test(String script) {
        return (Test) shared.computeIfAbsent("test", k -> Test.custom(CustomTestOptions.builder()
                .code(Code.fromInline(script)).handler("index.handler").build()));
    }

    Schedule everyMinutes(int minutes) {
        return (Schedule) shared.computeIfAbsent("rate-" + minutes, k -> Schedule.rate(Duration.minutes(minutes)));
    }

    Duration days(int days) {
        return (Duration) shared.computeIfAbsent("days-" + days, k -> Duration.days(days));
    }

    Duration seconds(int seconds) {
        return (Duration) shared.computeIfAbsent("seconds-" + seconds, k -> Duration.seconds(seconds));
    }

    /** The key's ARN token, read once. */
    String keyArn() {
        return (String) shared.computeIfAbsent("key-arn", k -> key.getKeyArn());
    }

    /** The key the artifacts are encrypted with. */
    public IKey key() {
        return key;
    }

    public ArtifactBucket artifactBucket() {
        return bucket;
    }

    /** The role every canary runs as. */
    public IRole role() {
        return role;
    }
}
