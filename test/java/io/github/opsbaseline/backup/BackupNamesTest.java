package io.github.opsbaseline.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.opsbaseline.core.ResourceNames;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.kms.Key;

class BackupNamesTest {

    @Test
    void bothBackupStacksAgreeOnNamesAndArnsBuiltFromAccountAndDrRegion() {
        BackupNames dr = new BackupNames(new ResourceNames("django-ms", "prod"), "777788889999", "ap-southeast-2");
        assertThat(dr.vaultName()).isEqualTo("django-ms-prod-vault");
        assertThat(dr.drVaultArn()).isEqualTo("arn:aws:backup:ap-southeast-2:777788889999:backup-vault:django-ms-prod-vault-dr");
        assertThat(dr.replicaBucketArn()).isEqualTo("arn:aws:s3:::django-ms-prod-backup-replica-777788889999");
        assertThat(dr.replicaKeyAliasArn())
                .isEqualTo("arn:aws:kms:ap-southeast-2:777788889999:alias/django-ms-prod-backup-replica");
        assertThat(dr.underscored("restore-test")).isEqualTo("django_ms_prod_restore_test");
    }

    @Test
    void theArnsCarryTheDrRegionsPartition() {
        // GIVEN environments in China and GovCloud, whose ARNs are not arn:aws:
        BackupNames china = new BackupNames(new ResourceNames("shop", "prod"), "777788889999", "cn-northwest-1");
        BackupNames gov = new BackupNames(new ResourceNames("shop", "prod"), "777788889999", "us-gov-east-1");
        assertThat(china.drVaultArn()).isEqualTo("arn:aws-cn:backup:cn-northwest-1:777788889999:backup-vault:shop-prod-vault-dr");
        assertThat(china.replicaBucketArn()).isEqualTo("arn:aws-cn:s3:::shop-prod-backup-replica-777788889999");
        assertThat(gov.replicaKeyAliasArn()).isEqualTo("arn:aws-us-gov:kms:us-gov-east-1:777788889999:alias/shop-prod-backup-replica");
        assertThat(new BackupNames(new ResourceNames("shop", "prod"), "777788889999", "eu-west-1").partition()).isEqualTo("aws");
    }

    @Test
    void aHealthCheckInAVpcNeedsSubnets() {
        Stack stack = new Stack(new App(), "Check");
        assertThatThrownBy(() -> new DrHealthCheck.Props(new ResourceNames("p", "dev"),
                BackupFixtures.topics(stack), "vault", null, null, null, null, Duration.hours(1),
                new Key(stack, "Key"), null, "vpc-0123456789abcdef0", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subnet");
    }
}
