package io.github.opsbaseline.gates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.config.RemovalChoice;
import io.github.opsbaseline.testing.CfnGuard;
import io.github.opsbaseline.testing.SynthesizedEnvironment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every S3 bucket of every environment, whichever stack and construct made it, carries the shared
 * hardening of {@code core.HardenedBucket} and its logging, events and TLS-only policy, and every bucket
 * that receives access logs lets the S3 logging service write and encrypt them: a bucket
 * added later without them fails here before it reaches the compliance gates' longer reports.
 */
class EveryBucketHardenedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.github.opsbaseline.testing.SynthesizedEnvironment#environments")
    void everyBucketIsHardened(String environment) throws IOException {
        // GIVEN the environment's templates, nested ones included
        SynthesizedEnvironment synthesized = SynthesizedEnvironment.of(environment);
        String deletionPolicy = synthesized.config().removalPolicy() == RemovalChoice.RETAIN ? "Retain" : "Delete";

        // WHEN every bucket is read with the policies that name it
        List<String> buckets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> template : synthesized.templates().entrySet()) {
            JsonNode resources = JSON.readTree(template.getValue()).path("Resources");
            for (Map.Entry<String, JsonNode> resource : resources.properties()) {
                if (!resource.getValue().path("Type").asText().equals("AWS::S3::Bucket")) {
                    continue;
                }
                String where = template.getKey() + "/" + resource.getKey();
                buckets.add(where);
                check(where, resource.getKey(), resource.getValue(), resources, deletionPolicy, problems);
                String destination = resource.getValue().path("Properties").path("LoggingConfiguration")
                        .path("DestinationBucketName").path("Ref").asText(resource.getKey());
                checkLogDestination(template.getKey() + "/" + destination, destination, resources, problems);
            }
        }

        // THEN there are buckets, and none misses any part of the hardening
        assertThat(buckets).as("buckets in %s", environment).isNotEmpty();
        assertThat(problems).as("buckets of %s without the baseline's hardening", environment).isEmpty();
    }

    private static void check(String where, String logicalId, JsonNode bucket, JsonNode resources,
                              String deletionPolicy, List<String> problems) {
        JsonNode p = bucket.path("Properties");
        JsonNode block = p.path("PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            expect(where, "PublicAccessBlockConfiguration." + setting, block.path(setting).asBoolean(false), problems);
        }
        expect(where, "versioning", p.path("VersioningConfiguration").path("Status").asText().equals("Enabled"), problems);
        // AWS Config's delivery bucket goes without (Config does not deliver to a locked bucket): the one
        // bucket the guard gate exempts from CT.S3.PR.9, for the reason it gives
        boolean lockExempt = CfnGuard.EXEMPT_RESOURCES.get("ct-s3-pr-9.guard").containsKey(logicalId);
        expect(where, "Object Lock", lockExempt != p.path("ObjectLockEnabled").asBoolean(false), problems);
        JsonNode sse = p.path("BucketEncryption").path("ServerSideEncryptionConfiguration").path(0);
        expect(where, "SSE-KMS", sse.path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText().equals("aws:kms"),
                problems);
        expect(where, "a customer key", sse.path("ServerSideEncryptionByDefault").has("KMSMasterKeyID"), problems);
        expect(where, "an S3 bucket key", sse.path("BucketKeyEnabled").asBoolean(false), problems);
        expect(where, "ACLs off", p.path("OwnershipControls").path("Rules").path(0).path("ObjectOwnership").asText()
                .equals("BucketOwnerEnforced"), problems);
        expect(where, "server access logging", p.path("LoggingConfiguration").has("LogFilePrefix"), problems);
        expect(where, "events to EventBridge", p.path("NotificationConfiguration").path("EventBridgeConfiguration")
                .path("EventBridgeEnabled").asBoolean(false), problems);
        expect(where, "lifecycle rules", p.path("LifecycleConfiguration").path("Rules").size() > 0, problems);
        expect(where, "DeletionPolicy " + deletionPolicy, bucket.path("DeletionPolicy").asText().equals(deletionPolicy),
                problems);
        expect(where, "a TLS-only bucket policy", deniesPlainHttp(logicalId, resources), problems);
    }

    /**
     * A bucket that receives server access logs lets the S3 logging service write them for this account
     * only (bucket policy) and encrypt them under its key (key policy): without the second, delivery to
     * an SSE-KMS bucket fails silently.
     */
    private static void checkLogDestination(String where, String logicalId, JsonNode resources, List<String> problems) {
        JsonNode bucket = resources.path(logicalId);
        if (bucket.isMissingNode()) {
            problems.add(where + ": receives access logs but is not in the same template");
            return;
        }
        boolean write = false;
        for (JsonNode statement : policyStatements(logicalId, resources)) {
            write |= statement.path("Principal").path("Service").asText().equals("logging.s3.amazonaws.com")
                    && statement.path("Action").asText().equals("s3:PutObject")
                    && statement.path("Condition").path("StringEquals").has("aws:SourceAccount");
        }
        expect(where, "bucket policy statement letting the S3 logging service write access logs", write, problems);
        String key = bucket.path("Properties").path("BucketEncryption").path("ServerSideEncryptionConfiguration").path(0)
                .path("ServerSideEncryptionByDefault").path("KMSMasterKeyID").path("Fn::GetAtt").path(0).asText();
        boolean encrypt = false;
        for (JsonNode statement : resources.path(key).path("Properties").path("KeyPolicy").path("Statement")) {
            List<String> actions = new ArrayList<>();
            statement.path("Action").forEach(action -> actions.add(action.asText()));
            encrypt |= statement.path("Principal").path("Service").asText().equals("logging.s3.amazonaws.com")
                    && actions.containsAll(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                    && statement.path("Condition").path("StringEquals").has("aws:SourceAccount");
        }
        expect(where, "key policy statement letting the S3 logging service encrypt access logs (key " + key + ")",
                encrypt, problems);
    }

    private static List<JsonNode> policyStatements(String bucketLogicalId, JsonNode resources) {
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode resource : resources) {
            if (resource.path("Type").asText().equals("AWS::S3::BucketPolicy")
                    && resource.path("Properties").path("Bucket").path("Ref").asText().equals(bucketLogicalId)) {
                resource.path("Properties").path("PolicyDocument").path("Statement").forEach(statements::add);
            }
        }
        return statements;
    }

    /** A bucket policy on this bucket that denies every request where aws:SecureTransport is false. */
    private static boolean deniesPlainHttp(String logicalId, JsonNode resources) {
        for (JsonNode statement : policyStatements(logicalId, resources)) {
            if (statement.path("Effect").asText().equals("Deny")
                    && statement.path("Condition").path("Bool").path("aws:SecureTransport").asText().equals("false")) {
                return true;
            }
        }
        return false;
    }

    private static void expect(String where, String what, boolean holds, List<String> problems) {
        if (!holds) {
            problems.add(where + ": no " + what);
        }
    }
}
