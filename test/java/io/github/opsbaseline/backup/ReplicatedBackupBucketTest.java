package io.github.opsbaseline.backup;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ReplicatedBackupBucketTest {

    static final String REPLICA = "arn:aws:s3:::django-ms-prod-backup-replica-777788889999";

    @Test
    void prodBucketReplicatesEveryKmsObjectToTheDrBucketUnderItsAlias() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::S3::Bucket", Map.of("ReplicationConfiguration", Map.of(
                "Role", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ApplicationBackupsReplicationRole.*"), "Arn")),
                "Rules", List.of(Match.objectLike(Map.of(
                        "Status", "Enabled",
                        "DeleteMarkerReplication", Map.of("Status", "Enabled"),
                        "SourceSelectionCriteria", Map.of("SseKmsEncryptedObjects", Map.of("Status", "Enabled")),
                        "Destination", Map.of("Bucket", REPLICA, "StorageClass", "STANDARD_IA",
                                "EncryptionConfiguration", Map.of("ReplicaKmsKeyID",
                                        "arn:aws:kms:ap-southeast-2:777788889999:alias/django-ms-prod-backup-replica"))))))));
    }

    @Test
    void bucketIsVersionedLockedAndMovesToColderTiers() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "ReplicationConfiguration", Match.anyValue(),
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "ObjectLockEnabled", true,
                "NotificationConfiguration", Map.of("EventBridgeConfiguration", Map.of("EventBridgeEnabled", true)),
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "Transitions", List.of(Map.of("StorageClass", "STANDARD_IA", "TransitionInDays", 30),
                                Map.of("StorageClass", "GLACIER", "TransitionInDays", 90)),
                        "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 365)))))));
        t.hasResource("AWS::S3::Bucket", Map.of("DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of("ReplicationConfiguration", Match.anyValue()))));
    }

    @Test
    void replicationRoleWritesOnlyTheReplicaBucketAndUsesTheDrKeyOnlyThroughS3() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Action", List.of("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"),
                        "Resource", REPLICA + "/*")),
                Match.objectLike(Map.of("Action", List.of("kms:Encrypt", "kms:GenerateDataKey"),
                        "Resource", "arn:aws:kms:ap-southeast-2:777788889999:key/*",
                        "Condition", Map.of(
                                "StringEquals", Map.of("kms:ViaService", "s3.ap-southeast-2.amazonaws.com"),
                                "StringLike", Map.of("kms:EncryptionContext:aws:s3:arn", List.of(REPLICA, REPLICA + "/*"))))))))));
    }

    @Test
    void drStackHoldsTheNamedReplicaBucketWithItsOwnAliasedKey() {
        Template t = TemplateSupport.dr("prod");
        t.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", "alias/django-ms-prod-backup-replica"));
        t.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketName", "django-ms-prod-backup-replica-777788889999",
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "ObjectLockEnabled", true));
    }

    @Test
    void devBucketIsNotReplicated() {
        TemplateSupport.backup("dev").hasResourceProperties("AWS::S3::Bucket", Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of("Id", "colder-tiers")))),
                "ReplicationConfiguration", Match.absent()));
    }

    @Test
    void replacedVersionsGoToGlacierOnlyWhenKeptPastItsMinimumCharge() {
        // prod keeps replaced versions 365 days: to Glacier after 30, kept 335 more
        TemplateSupport.backup("prod").hasResourceProperties("AWS::S3::Bucket", Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of("Id", "colder-tiers",
                        "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 365),
                        "NoncurrentVersionTransitions", List.of(Map.of("StorageClass", "GLACIER",
                                "TransitionInDays", 30))))))));
        // dev keeps them 31 days: a move at 30 would be billed Glacier's 90 days for one day's stay
        TemplateSupport.backup("dev").hasResourceProperties("AWS::S3::Bucket", Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of("Id", "colder-tiers",
                        "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 31),
                        "NoncurrentVersionTransitions", Match.absent()))))));
    }
}
