package io.github.opsbaseline.cli;

import static io.github.opsbaseline.operations.StatusReaderPermissions.BACKUP_LIST_BACKUP_JOBS;
import static io.github.opsbaseline.operations.StatusReaderPermissions.BACKUP_LIST_COPY_JOBS;
import static io.github.opsbaseline.operations.StatusReaderPermissions.BACKUP_LIST_RECOVERY_POINTS;

import io.github.opsbaseline.cli.StatusReport.Job;
import io.github.opsbaseline.cli.StatusReport.Vault;
import io.github.opsbaseline.operations.StatusTargets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupJob;
import software.amazon.awssdk.services.backup.model.CopyJob;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;

/**
 * Per baseline vault: the last backup job into it, the last copy job out of it, and the age of its
 * newest recovery point, all within the last {@link #LOOKBACK} (AWS Backup lists jobs for 30 days,
 * and a week is enough to see whether the daily rule runs). Every page is read: the lists come in
 * no documented order, and copy jobs cannot be filtered by source vault, so another project's
 * copies fill the same pages.
 */
final class BackupReader {

    static final Duration LOOKBACK = Duration.ofDays(7);

    private BackupReader() { }

    static List<Vault> read(ReadContext ctx) {
        List<Vault> vaults = new ArrayList<>();
        for (StatusTargets.Vault vault : ctx.targets().vaults()) {
            vaults.add(vault(ctx, vault));
        }
        return vaults;
    }

    private static Vault vault(ReadContext ctx, StatusTargets.Vault vault) {
        String region = vault.region() == null ? ctx.config().region() : vault.region();
        BackupClient backup = ctx.aws().backup(vault.region());
        Instant now = ctx.now();
        Instant since = now.minus(LOOKBACK);
        List<String> notRead = new ArrayList<>();
        // each list on its own: one refused call must not leave the others unread, nor read as "none"
        Job backupJob = read(ctx, notRead, "lastBackupJob", BACKUP_LIST_BACKUP_JOBS,
                // the paginators fetch while the stream runs, so it runs inside the call
                () -> backup.listBackupJobsPaginator(r -> r.byBackupVaultName(vault.name()).byCreatedAfter(since)
                                .maxResults(100))
                        .backupJobs().stream().max(Comparator.comparing(BackupJob::creationDate))
                        .map(j -> new Job(j.stateAsString(), Times.iso(j.creationDate()), j.resourceType())));
        Job copyJob = read(ctx, notRead, "lastCopyJob", BACKUP_LIST_COPY_JOBS,
                () -> backup.listCopyJobsPaginator(r -> r.byCreatedAfter(since).maxResults(100))
                        .copyJobs().stream()
                        .filter(j -> j.sourceBackupVaultArn() != null
                                && j.sourceBackupVaultArn().endsWith(":backup-vault:" + vault.name()))
                        .max(Comparator.comparing(CopyJob::creationDate))
                        .map(j -> new Job(j.stateAsString(), Times.iso(j.creationDate()), j.resourceType())));
        RecoveryPointByBackupVault newest = read(ctx, notRead, "newestRecoveryPoint", BACKUP_LIST_RECOVERY_POINTS,
                () -> backup.listRecoveryPointsByBackupVaultPaginator(r -> r.backupVaultName(vault.name())
                                .byCreatedAfter(since).maxResults(100))
                        .recoveryPoints().stream().max(Comparator.comparing(RecoveryPointByBackupVault::creationDate)));
        String newestAt = newest == null ? null : Times.iso(newest.creationDate());
        Double ageHours = newest == null ? null
                : Times.round(Duration.between(newest.creationDate(), now).toMinutes() / 60.0, 1);
        return new Vault(vault.name(), region, vault.role(), backupJob, copyJob, newestAt, ageHours, List.copyOf(notRead));
    }

    /** One list call: its newest item, null for none; on failure null, the field named in {@code notRead}. */
    private static <T> T read(ReadContext ctx, List<String> notRead, String field, String action,
                              java.util.function.Supplier<java.util.Optional<T>> call) {
        try {
            return ctx.calls().call(InfraReader.SECTION, action, call::get).orElse(null);
        } catch (ApiCalls.Failed e) {
            ctx.calls().report(e.problem());
            notRead.add(field);
            return null;
        }
    }
}
