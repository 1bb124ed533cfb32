package io.github.opsbaseline.cli;

import io.github.opsbaseline.cli.StatusReport.Alarm;
import io.github.opsbaseline.cli.StatusReport.Cache;
import io.github.opsbaseline.cli.StatusReport.Database;
import io.github.opsbaseline.cli.StatusReport.Infra;
import io.github.opsbaseline.cli.StatusReport.Job;
import io.github.opsbaseline.cli.StatusReport.Problem;
import io.github.opsbaseline.cli.StatusReport.Service;
import io.github.opsbaseline.cli.StatusReport.ServiceErrors;
import io.github.opsbaseline.cli.StatusReport.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report as fixed-width text for a terminal: alarms first, then the selected sections, then what was not read. */
final class TableView {

    private static final String NL = System.lineSeparator();
    private static final int REASON_WIDTH = 60;

    private TableView() { }

    static String render(StatusReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "ops-baseline status: %s %s (account %s, %s) at %s%n", r.project(), r.environment(),
                r.account() == null ? "-" : r.account(), r.region(), Times.table(r.generatedAt())));
        alarms(out, r.alarms());
        if (r.services() != null) {
            services(out, r.services());
        }
        if (r.infra() != null) {
            infra(out, r.infra());
        }
        if (r.logs() != null) {
            logs(out, r.logs());
        }
        if (r.cost() != null) {
            cost(out, r.cost());
        }
        if (!r.problems().isEmpty()) {
            out.append(NL).append("NOT READ (").append(r.problems().size()).append(')').append(NL);
            for (Problem p : r.problems()) {
                out.append("  [").append(p.section()).append("] ").append(p.message()).append(NL);
            }
        }
        out.append(NL).append("exit ").append(r.exitCode()).append(": ").append(exitMeaning(r.exitCode())).append(NL);
        return out.toString();
    }

    private static String exitMeaning(int code) {
        return switch (code) {
            case StatusCommand.OK -> "all read, no critical alarm";
            case StatusCommand.CRITICAL_ALARM -> "a critical alarm is firing";
            default -> "some of the status could not be read";
        };
    }

    private static void alarms(StringBuilder out, List<Alarm> alarms) {
        out.append(NL);
        if (alarms == null) {
            out.append("ALARMS: could not be read (see NOT READ)").append(NL);
            return;
        }
        out.append("ALARMS IN ALARM (").append(alarms.size()).append(')').append(NL);
        if (alarms.isEmpty()) {
            out.append("  none").append(NL);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SEVERITY", "ALARM", "SINCE", "REASON"});
        alarms.forEach(a -> rows.add(new String[] {a.severity().toUpperCase(Locale.ROOT), a.name(), Times.table(a.since()),
                shorten(a.reason(), REASON_WIDTH)}));
        table(out, rows, "");
    }

    private static void services(StringBuilder out, List<Service> services) {
        out.append(NL).append("SERVICES").append(NL);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SERVICE", "STATUS", "DESIRED", "RUNNING", "PENDING", "DEPLOYMENT", "TARGETS OK/BAD/OTHER"});
        for (Service s : services) {
            rows.add(new String[] {s.name(), s.status(), n(s.desired()), n(s.running()), n(s.pending()), dash(s.deployment()),
                    s.targets() == null ? "-" : s.targets().healthy() + "/" + s.targets().unhealthy() + "/" + s.targets().other()});
        }
        table(out, rows, " >>>");
    }

    private static void infra(StringBuilder out, Infra infra) {
        out.append(NL).append("INFRA").append(NL);
        if (!infra.databases().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"DATABASE", "IDENTIFIER", "STATUS", "CPU %", "MEM USED %", "CONNECTIONS", "FREE STORAGE"});
            for (Database d : infra.databases()) {
                rows.add(new String[] {d.name(), d.identifier(), d.status(), n(d.cpuPercent()),
                        d.memoryUsedPercent() != null ? n(d.memoryUsedPercent()) : d.freeableMemoryGiB() == null ? "-" : n(d.freeableMemoryGiB()) + " GiB free",
                        n(d.connections()) + (d.connectionsPercent() == null ? "" : " (" + n(d.connectionsPercent()) + "%)"),
                        d.freeStorageGiB() == null ? "-" : n(d.freeStorageGiB()) + " GiB"
                                + (d.freeStoragePercent() == null ? "" : " (" + n(d.freeStoragePercent()) + "%)")});
            }
            table(out, rows, "  >>>>");
        }
        if (!infra.caches().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"CACHE", "REPLICATION GROUP", "STATUS", "NODES", "ENGINE CPU %", "MEMORY %", "CONNECTIONS"});
            for (Cache c : infra.caches()) {
                rows.add(new String[] {c.name(), c.replicationGroupId(), c.status(), n(c.nodes()), n(c.engineCpuPercent()),
                        n(c.memoryUsedPercent()), n(c.connections())});
            }
            out.append(NL);
            table(out, rows, "  >>>>");
        }
        out.append(NL);
        if (infra.waf() != null) {
            out.append("  WAF ").append(infra.waf().webAcl()).append(": ")
                    .append(!infra.waf().read() ? "could not be read"
                            : (infra.waf().blockedRequestsLastHour() == null ? "no data" : n(infra.waf().blockedRequestsLastHour()))
                                    + " requests blocked in the last hour").append(NL);
        }
        var gd = infra.guardDuty();
        out.append("  GuardDuty: ").append(gd == null ? "could not be read" : !gd.enabled() ? "no detector in this region"
                : String.format(Locale.ROOT, "critical %d, high %d, medium %d, low %d active findings (detector %s)",
                        gd.critical(), gd.high(), gd.medium(), gd.low(), gd.detectorId())).append(NL);
        var rules = infra.configRules();
        out.append("  Config rules out of compliance: ");
        if (rules == null) {
            out.append("could not be read").append(NL);
        } else if (rules.nonCompliantCount() == 0) {
            out.append("none").append(NL);
        } else {
            out.append(rules.nonCompliantCount()).append(NL);
            rules.nonCompliant().forEach(rule -> out.append("    ").append(rule.name())
                    .append(rule.resources() == null ? "" : " (" + rule.resources() + (rule.resources().equals("1") ? " resource)" : " resources)")).append(NL));
        }
        if (!infra.backupVaults().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"BACKUP VAULT", "REGION", "LAST BACKUP JOB", "LAST COPY JOB", "NEWEST RECOVERY POINT"});
            for (Vault v : infra.backupVaults()) {
                boolean dr = "dr".equals(v.role());
                rows.add(new String[] {v.name(), v.region(),
                        cell(v, "lastBackupJob", dr && v.lastBackupJob() == null ? "- (copy target)" : job(v.lastBackupJob())),
                        cell(v, "lastCopyJob", dr && v.lastCopyJob() == null ? "- (copy target)" : job(v.lastCopyJob())),
                        cell(v, "newestRecoveryPoint", v.newestRecoveryPointAgeHours() == null ? "none in 7 days"
                                : n(v.newestRecoveryPointAgeHours()) + " h ago")});
            }
            out.append(NL);
            table(out, rows, "  ");
        }
    }

    private static void logs(StringBuilder out, StatusReport.Logs logs) {
        out.append(NL).append("LOGS: errors in the last ").append(logs.windowMinutes()).append(" min (saved query ")
                .append(logs.savedQuery()).append(", top ").append(logs.rowLimit()).append(')').append(NL);
        if (logs.services() == null) {
            out.append("  not read (see NOT READ)").append(NL);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"SERVICE", "ERRORS", "TOP MODULE.FUNCTION (ERRORS)"});
        for (ServiceErrors s : logs.services()) {
            String top = s.top() == null ? "-" : s.top().isEmpty() ? "none"
                    : String.join(", ", s.top().stream().limit(3).map(g -> g.module() + "." + g.function() + " (" + g.errors() + ")").toList());
            rows.add(new String[] {s.service(), s.errors() == null ? "-" : s.errors() + (s.truncated() ? "+" : ""), top});
        }
        table(out, rows, ">");
    }

    private static void cost(StringBuilder out, StatusReport.Cost c) {
        out.append(NL).append("COST (").append(c.currency()).append(", ").append(c.scope()).append(')').append(NL);
        out.append("  month to date        ").append(money(c.monthToDateUsd())).append(NL);
        out.append("  forecast month end   ").append(money(c.forecastMonthEndUsd())).append(NL);
        out.append("  budget               ").append(money(c.budgetUsd())).append(NL);
        out.append("  baseline (offline)   ").append(c.baselineEstimateUsd() == null ? c.baselineEstimateSource()
                : money(c.baselineEstimateUsd()) + " per month, " + c.baselineEstimateSource()).append(NL);
    }

    /** A vault's value, or "not read" when its call failed: never "none", which would read as "backups stopped". */
    private static String cell(Vault vault, String field, String value) {
        return vault.notRead().contains(field) ? "not read" : value;
    }

    private static String job(Job job) {
        return job == null ? "none in 7 days" : job.state() + " " + Times.table(job.createdAt());
    }

    private static String money(Double usd) {
        return usd == null ? "-" : String.format(Locale.ROOT, "%,.2f", usd);
    }

    private static String n(Number value) {
        if (value == null) {
            return "-";
        }
        double d = value.doubleValue();
        return d == Math.rint(d) ? String.format(Locale.ROOT, "%,d", (long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static String shorten(String s, int width) {
        return s == null ? "-" : s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }

    /**
     * Columns padded to their widest cell, two spaces apart, indented by two. {@code align}: one
     * character per column from the second on ('>' right-aligns), or "" / "  " for all left.
     */
    private static void table(StringBuilder out, List<String[]> rows, String align) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        rows.forEach(row -> {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        });
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < columns; c++) {
                boolean right = c > 0 && c - 1 < align.length() && align.charAt(c - 1) == '>';
                String cell = row[c];
                String pad = " ".repeat(width[c] - cell.length());
                line.append(right ? pad + cell : cell + (c == columns - 1 ? "" : pad));
                if (c < columns - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append(NL);
        }
    }
}
