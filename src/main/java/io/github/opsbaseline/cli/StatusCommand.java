package io.github.opsbaseline.cli;

import io.github.opsbaseline.cli.ReadContext.Pause;
import io.github.opsbaseline.cli.StatusReport.Alarm;
import io.github.opsbaseline.cli.StatusReport.Cost;
import io.github.opsbaseline.cli.StatusReport.Problem;
import io.github.opsbaseline.config.ConfigException;
import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.operations.StatusTargets;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * {@code ops-baseline status --env <name>}: what the baseline watches in one deployed environment,
 * read with the AWS SDK: alarms in ALARM first (critical first), then services, infra, logs and
 * cost. The exit code tells CI whether a critical alarm fires or something could not be read.
 */
public final class StatusCommand {

    /** Everything was read and no critical alarm fires (warnings may). */
    public static final int OK = 0;
    /** A critical alarm is in ALARM (whatever else happened). */
    public static final int CRITICAL_ALARM = 1;
    /** The command line or the environment file is wrong; nothing was read. */
    public static final int USAGE = 2;
    /** No AWS credentials could be found; nothing was read. */
    public static final int NO_CREDENTIALS = 3;
    /** Some of the status could not be read (AccessDenied, throttling, not found...): shown and listed. */
    public static final int PARTIAL = 4;
    /** A defect of this command, not of the environment: one line on stderr, never 1 (a critical alarm). */
    public static final int INTERNAL_ERROR = 5;

    /** Cost Explorer bills each request; in watch mode its figures are read at most this often. */
    static final Duration COST_REFRESH = Duration.ofHours(1);

    private StatusCommand() { }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, AwsAccess.Settings.defaults(), Clock.systemUTC(), Pause.sleeping());
    }

    static int run(String[] args, PrintStream out, PrintStream err, AwsAccess.Settings settings, Clock clock, Pause pause) {
        try {
            return runUnguarded(args, out, err, settings, clock, pause);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // the JVM would print a trace and exit 1, which CI reads as "a critical alarm fires"
            err.println("ops-baseline status: internal error, please report it: " + ApiCalls.firstLine(e.toString()));
            return INTERNAL_ERROR;
        }
    }

    private static int runUnguarded(String[] args, PrintStream out, PrintStream err, AwsAccess.Settings settings,
                                    Clock clock, Pause pause) {
        StatusOptions options;
        try {
            options = StatusOptions.parse(args);
        } catch (StatusOptions.UsageException e) {
            err.println(e.getMessage());
            err.println(StatusOptions.USAGE);
            return USAGE;
        }
        EnvironmentConfig config;
        List<String> otherEnvironments;
        try {
            ConfigLoader loader = new ConfigLoader(options.configDir());
            config = loader.load(options.env());
            otherEnvironments = loader.environments().stream().filter(e -> !e.equals(options.env())).toList();
        } catch (ConfigException e) {
            e.lines().forEach(err::println);
            return USAGE;
        }
        if (config.region() == null) {
            err.println("environment " + options.env() + " has no \"region\" in its file: status reads the region from there");
            return USAGE;
        }
        try (AwsAccess aws = new AwsAccess(config.region(), options.profile(), options.endpoint(), settings)) {
            try {
                aws.credentials().resolveCredentials();
            } catch (SdkClientException e) {
                err.println(MissingCredentials.message(e.getMessage()));
                return NO_CREDENTIALS;
            }
            Cost lastCost = null;
            for (int refresh = 1; ; refresh++) {
                StatusReport report = readOnce(options, config, otherEnvironments, aws, clock, pause, lastCost);
                // Cost Explorer's figures are reused for the hour only when both requests succeeded: failed ones
                // would show nulls with no problem and exit 0 on the next refreshes.
                lastCost = report.cost() != null && report.problems().stream().noneMatch(CostReader::costExplorerFailed)
                        ? report.cost() : lastCost;
                if (options.json()) {
                    out.print(JsonView.render(report, !options.watch()));
                } else {
                    if (options.watch()) {
                        out.print("\033[H\033[2J");
                        out.println("every " + options.intervalSeconds() + " s, reading " + refresh + "; Ctrl-C to stop");
                    }
                    out.print(TableView.render(report));
                }
                out.flush();
                if (!options.watch() || (options.maxRefreshes() > 0 && refresh >= options.maxRefreshes())) {
                    return report.exitCode();
                }
                try {
                    pause.pause(Duration.ofSeconds(options.intervalSeconds()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return report.exitCode();
                }
            }
        }
    }

    static StatusReport readOnce(StatusOptions options, EnvironmentConfig config, List<String> otherEnvironments,
                                 AwsAccess aws, Clock clock, Pause pause, Cost lastCost) {
        StatusTargets targets = new StatusTargets(config);
        ApiCalls calls = new ApiCalls(targets.names().name("status-reader"), aws.maxAttempts());
        ReadContext ctx = new ReadContext(config, targets, aws, calls, clock, pause, options.assembly(), otherEnvironments);
        Instant now = clock.instant();
        List<Alarm> alarms = AlarmsReader.read(ctx);
        var services = options.has("services") ? ServicesReader.read(ctx) : null;
        var infra = options.has("infra") ? InfraReader.read(ctx) : null;
        var logs = options.has("logs") ? LogsReader.read(ctx) : null;
        Cost cost = null;
        if (options.has("cost")) {
            boolean fresh = lastCost != null && Duration.between(Instant.parse(lastCost.readAt()), now).compareTo(COST_REFRESH) < 0;
            cost = CostReader.read(ctx, fresh ? lastCost : null);
        }
        List<Problem> problems = new ArrayList<>(calls.problems());
        int exit = AlarmsReader.anyCritical(alarms) ? CRITICAL_ALARM : problems.isEmpty() ? OK : PARTIAL;
        return new StatusReport(StatusReport.SCHEMA_VERSION, config.project(), config.environment(), config.account(),
                config.region(), Times.iso(now), options.sections(), exit, alarms, services, infra, logs, cost, problems);
    }
}
