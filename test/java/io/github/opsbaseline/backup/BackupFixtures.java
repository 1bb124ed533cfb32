package io.github.opsbaseline.backup;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.compliance.BaselineTags;
import io.github.opsbaseline.compliance.CompliancePacks;
import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.sns.Topic;

/**
 * Shared, cached synths of the backup stacks of the real environment files (a Java CDK synth costs
 * seconds), built as {@code BaselineStacks} builds them, with plain topics standing in for the
 * monitoring stack's.
 */
final class BackupFixtures {

    private BackupFixtures() { }

    record Built(EnvironmentConfig config, BackupStack backup, BackupDrStack dr, Stack alerts) { }

    private static final Map<String, Built> BUILT = new ConcurrentHashMap<>();

    static EnvironmentConfig config(String env) {
        return new ConfigLoader(Path.of("stacks-config")).load(env);
    }

    static App strictApp(String outdir) {
        return new App(AppProps.builder()
                .context(io.github.opsbaseline.testing.TestApps.context())
                .outdir("target/" + outdir)
                .build());
    }

    static IAlertTopics topics(Stack stack) {
        return IAlertTopics.fromTopics(new Topic(stack, "Critical"), new Topic(stack, "Warning"), new Topic(stack, "Info"));
    }

    static synchronized Built built(String env) {
        return BUILT.computeIfAbsent(env, e -> build(config(e), "cdk.out-backup-" + e));
    }

    /** The backup stacks of {@code config} as the app builds them: tags, key-grant guard, compliance packs. */
    static Built build(EnvironmentConfig config, String outdir) {
        App app = strictApp(outdir);
        StackProps.Builder home = StackProps.builder();
        Environment where = Environment.builder().account(config.account()).region(config.region()).build();
        Stack alerts = new Stack(app, "alerts", StackProps.builder().env(where).build());
        IAlertTopics topics = topics(alerts);
        BackupDrStack dr = config.drRegion() == null ? null : new BackupDrStack(app, config.names().name("backup-dr"),
                BackupDrStackProps.fromConfig(config, StackProps.builder()
                        .stackName(config.names().name("backup-dr")).description("DR half").build()));
        BackupStack backup = new BackupStack(app, config.names().name("backup"), BackupStackProps.fromConfig(config,
                home.stackName(config.names().name("backup")).env(where).build(), topics));
        for (Stack stack : dr == null ? java.util.List.of(backup) : java.util.List.<Stack>of(dr, backup)) {
            BaselineTags.apply(stack, BaselineTags.of(config));
            io.github.opsbaseline.compliance.KeyGrantGuard.applyTo(stack);
            CompliancePacks.apply(stack, config.compliance());
        }
        app.synth();
        return new Built(config, backup, dr, alerts);
    }
}
