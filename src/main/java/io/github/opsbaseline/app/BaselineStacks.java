package io.github.opsbaseline.app;

import io.github.opsbaseline.backup.BackupDrStack;
import io.github.opsbaseline.backup.BackupDrStackProps;
import io.github.opsbaseline.backup.BackupStack;
import io.github.opsbaseline.backup.BackupStackProps;
import io.github.opsbaseline.compliance.BaselineTags;
import io.github.opsbaseline.compliance.CompliancePacks;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.core.ResourceNames;
import io.github.opsbaseline.cost.CostStack;
import io.github.opsbaseline.cost.CostStackProps;
import io.github.opsbaseline.monitoring.MonitoringStack;
import io.github.opsbaseline.monitoring.MonitoringStackProps;
import io.github.opsbaseline.operations.OperatorReadOnlyPolicy;
import io.github.opsbaseline.operations.OperatorReadOnlyPolicyProps;
import io.github.opsbaseline.security.SecurityStack;
import io.github.opsbaseline.security.SecurityStackProps;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The stacks of one environment, built from its file: monitoring (which owns the alert topics),
 * security, backup (plus its DR-region half when the environment has a {@code drRegion}) and cost
 * (in us-east-1, where Cost Explorer lives), tagged and checked by the environment's compliance packs; the
 * CDK's template validator covers their nested stacks too ({@link NestedStackValidation}; under
 * {@code bin/app}, {@link ValidationBesideTheSynth}).
 *
 * @param backupDr the backup stack in the DR region; null without a {@code drRegion}
 */
public record BaselineStacks(MonitoringStack monitoring, SecurityStack security, BackupStack backup, CostStack cost,
                             BackupDrStack backupDr) {

    /** Builds the environment's stacks under {@code scope} (normally the {@code App}). */
    public static BaselineStacks create(Construct scope, EnvironmentConfig config) {
        ResourceNames names = config.names();
        MonitoringStackProps monitoringProps = MonitoringStackProps.fromConfig(config, stackProps(config, "monitoring",
                "Alarms, dashboards, log analytics and alert topics"));
        // Chatbot allows one configuration per Slack channel per account, so the monitoring stack's
        // Slack configurations also carry the cost stack's topics (which creates none).
        MonitoringStack monitoring = new MonitoringStack(scope, names.name("monitoring"), monitoringProps.withAlerting(
                monitoringProps.alerting().withSlackAlsoCarries(CostStackProps.topicArns(config))));
        // What an operator (or the status command) needs to read this environment, ready to attach.
        new OperatorReadOnlyPolicy(monitoring, "StatusReader", OperatorReadOnlyPolicyProps.fromConfig(config));
        SecurityStack security = new SecurityStack(scope, names.name("security"),
                SecurityStackProps.fromConfig(config, stackProps(config, "security",
                        "Web firewall, threat detection, audit trail and compliance rules"), monitoring.alertTopics()));
        // Created first: the primary backup stack copies and replicates to it by fixed names and ARNs.
        BackupDrStack backupDr = config.drRegion() == null ? null
                : new BackupDrStack(scope, names.name("backup-dr"), BackupDrStackProps.fromConfig(config,
                        stackProps(config, "backup-dr", "Disaster-recovery backup vault and replica bucket",
                                config.drRegion())));
        BackupStack backup = new BackupStack(scope, names.name("backup"),
                BackupStackProps.fromConfig(config, stackProps(config, "backup",
                        "Backup plans, vaults, restore tests and disaster-recovery checks"), monitoring.alertTopics()));
        // Deploy order, not references, so the CDK would not infer it: the replication and copy rules
        // name the DR vault, bucket and key, which must exist first, and the audit framework's controls
        // are AWS Config rules that need the security stack's recorder. `cdk deploy <backup>` then
        // deploys those first too.
        if (backupDr != null) {
            backup.addStackDependency(backupDr, "replicates and copies to the DR region's vault, bucket and key by name");
        }
        backup.addStackDependency(security, "the backup audit framework's controls need the AWS Config recorder");
        CostStack cost = new CostStack(scope, names.name("cost"), CostStackProps.fromConfig(config,
                stackProps(config, "cost", "Budget and spend-anomaly alerts", CostStackProps.COST_REGION)));
        // Chatbot subscribes the Slack channels to the cost topics, which must exist by then.
        monitoring.addStackDependency(cost, "its Slack channel configurations subscribe to the cost stack's topics");
        BaselineStacks stacks = new BaselineStacks(monitoring, security, backup, cost, backupDr);
        // Most of the monitoring is in nested stacks, which the CDK's validator does not see by itself.
        NestedStackValidation.addTo(scope);
        for (Stack stack : stacks.all()) {
            BaselineTags.apply(stack, BaselineTags.of(config));
            CompliancePacks.apply(stack, config.compliance());
        }
        return stacks;
    }

    public List<Stack> all() {
        List<Stack> stacks = new ArrayList<>(List.of(monitoring, security));
        if (backupDr != null) {
            stacks.add(backupDr);
        }
        stacks.add(backup);
        stacks.add(cost);
        return List.copyOf(stacks);
    }

    private static StackProps stackProps(EnvironmentConfig config, String part, String what) {
        return stackProps(config, part, what, config.region());
    }

    private static StackProps stackProps(EnvironmentConfig config, String part, String what, String region) {
        StackProps.Builder props = StackProps.builder()
                .stackName(config.names().name(part))
                .description(what + " of " + config.names().prefix() + " (ops-baseline)")
                .terminationProtection(config.removalPolicy() == io.github.opsbaseline.config.RemovalChoice.RETAIN);
        if (config.account() != null || region != null) {
            props.env(Environment.builder().account(config.account()).region(region).build());
        }
        return props.build();
    }
}
