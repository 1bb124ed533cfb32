package io.github.opsbaseline.monitoring;

import io.github.opsbaseline.core.Numbers;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.config.ConfigProblems;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.config.JsonPaths;
import io.github.opsbaseline.config.MonitoringConfig;
import io.github.opsbaseline.config.MonitoringConfig.AlarmOverride;
import io.github.opsbaseline.config.WorkloadConfig;
import io.github.opsbaseline.config.WorkloadConfig.DatabaseEngine;
import io.github.opsbaseline.monitoring.alarm.AlarmExpression;
import io.github.opsbaseline.monitoring.alarm.AlarmFactory;
import io.github.opsbaseline.monitoring.alarm.SignalDefinition;
import io.github.opsbaseline.monitoring.cache.CacheSignals;
import io.github.opsbaseline.monitoring.canary.CanarySignals;
import io.github.opsbaseline.monitoring.database.DatabaseAlarms;
import io.github.opsbaseline.monitoring.database.DatabaseSignals;
import io.github.opsbaseline.monitoring.ecs.EcsServiceSignals;
import io.github.opsbaseline.monitoring.loadbalancer.LoadBalancerSignals;
import io.github.opsbaseline.monitoring.logs.LogSignals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The alarm catalogue as a whole: which signals each kind has (for config keys), how the seeds'
 * named thresholds map onto them, and which alarm names an environment gets (so composite rules are
 * checked at config time, before any construct exists).
 */
public final class AlarmCatalogue {

    private AlarmCatalogue() { }

    public static final String SERVICE = EcsServiceSignals.KIND;
    public static final String LOAD_BALANCER = LoadBalancerSignals.KIND;
    public static final String DATABASE = DatabaseSignals.KIND;
    public static final String CACHE = CacheSignals.KIND;
    public static final List<String> KINDS = List.of(SERVICE, LOAD_BALANCER, DATABASE, CACHE);

    /** Every variant of each kind's signals (a database's free storage is in % with storageGiB, in GiB without). */
    private static final Map<String, List<SignalDefinition>> VARIANTS = variants();

    /** Every signal of each kind with its default definition (a service includes its target group, logs and canary). */
    public static final Map<String, Map<String, SignalDefinition>> SIGNALS = signals();

    private static Map<String, Map<String, SignalDefinition>> signals() {
        Map<String, Map<String, SignalDefinition>> all = new LinkedHashMap<>();
        VARIANTS.forEach((kind, defs) -> all.put(kind, byId(defs)));
        return java.util.Collections.unmodifiableMap(all);
    }

    private static Map<String, List<SignalDefinition>> variants() {
        Map<String, List<SignalDefinition>> all = new LinkedHashMap<>();
        List<SignalDefinition> service = new ArrayList<>(EcsServiceSignals.ALL);
        service.addAll(LoadBalancerSignals.TARGET_GROUP);
        service.addAll(LoadBalancerSignals.anomalies(2.0));
        service.addAll(LogSignals.signals("ns", "service"));
        service.addAll(CanarySignals.forRate(5));
        all.put(SERVICE, List.copyOf(service));
        all.put(LOAD_BALANCER, LoadBalancerSignals.LOAD_BALANCER);
        List<SignalDefinition> db = new ArrayList<>(DatabaseSignals.forDatabase(
                new DatabaseSignals.Facts(DatabaseEngine.POSTGRES, false, 1.0, 100, 10, true)));
        db.addAll(DatabaseSignals.forDatabase(new DatabaseSignals.Facts(DatabaseEngine.POSTGRES, false, null, null, null, false)));
        db.addAll(DatabaseSignals.forDatabase(new DatabaseSignals.Facts(DatabaseEngine.MYSQL, false, null, null, null, true)));
        all.put(DATABASE, List.copyOf(db));
        all.put(CACHE, CacheSignals.forNode(true));
        return java.util.Collections.unmodifiableMap(all);
    }

    /** Whether a signal's levels are a percentage in every variant of it, so past 100 is a mistake wherever it applies. */
    private static boolean percentEverywhere(String kind, String signal) {
        return VARIANTS.get(kind).stream().filter(d -> d.id().equals(signal)).allMatch(AlarmCatalogue::percent);
    }

    private static Map<String, SignalDefinition> byId(List<SignalDefinition> defs) {
        Map<String, SignalDefinition> m = new LinkedHashMap<>();
        defs.forEach(d -> m.putIfAbsent(d.id(), d));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The seeds' named thresholds as overrides of the signals of one kind. */
    public static Map<String, AlarmOverride> seedThresholds(MonitoringConfig.Thresholds t, String kind) {
        Map<String, AlarmOverride> m = new TreeMap<>();
        switch (kind) {
            case SERVICE -> {
                m.put("cpu", level(t.cpuPercent()));
                m.put("memory", level(t.memoryPercent()));
                m.put("latency-p99", level(t.responseTimeSeconds()));
                m.put("latency-avg", level(t.responseTimeSeconds()));
                m.put("5xx-rate", level(t.errorRatePercent()));
            }
            case LOAD_BALANCER -> {
                m.put("latency-p99", level(t.responseTimeSeconds()));
                m.put("latency-avg", level(t.responseTimeSeconds()));
                m.put("target-5xx-rate", level(t.errorRatePercent()));
                m.put("elb-5xx-rate", level(t.errorRatePercent()));
            }
            case DATABASE -> {
                m.put("cpu", level(t.databaseCpuPercent()));
                m.put("memory", level(t.databaseMemoryUsedPercent()));
                m.put("connections", level(t.databaseConnectionsPercent()));
            }
            default -> { }
        }
        return m;
    }

    private static AlarmOverride level(MonitoringConfig.Level level) {
        return new AlarmOverride(level.warning(), level.critical(), null);
    }

    /**
     * Checks one {@code monitoring.alarms} entry: a known signal of the kind, levels in range, and the
     * levels it gives over the thresholds on the right side of each other (against the catalogue's
     * defaults; {@link #validateResourceOverrides} checks them against each resource's own).
     */
    public static void validateOverride(ConfigProblems problems, String path, String kind, String signal,
                                        AlarmOverride override, MonitoringConfig.Thresholds thresholds) {
        SignalDefinition def = checkValues(problems, path, kind, signal, override, SIGNALS.get(kind).get(signal),
                percentEverywhere(kind, signal));
        if (def == null || def.isBand() || Boolean.FALSE.equals(override.enabled())) {
            return;
        }
        AlarmOverride seed = seedThresholds(thresholds, kind).get(signal);
        AlarmOverride resolved = override.over(seed);
        problems.warningBeforeCritical(path, level(resolved.warning(), def.warning()), level(resolved.critical(), def.critical()),
                def.direction().higherIsWorse(), resolved.equals(override) ? "" : " (over $.monitoring.thresholds)");
    }

    /**
     * A known signal, an object, levels not negative and, for a percentage, at most 100 (against
     * {@code def}: a resource's own definition where it has one, since units differ).
     *
     * @return the definition, or null when the override is not one to check further
     */
    private static SignalDefinition checkValues(ConfigProblems problems, String path, String kind, String signal,
                                                AlarmOverride override, SignalDefinition def, boolean percent) {
        if (!SIGNALS.get(kind).containsKey(signal)) {
            problems.add(path, "unknown signal " + ConfigProblems.quote(signal) + " for a " + kind
                    + "; expected one of " + SIGNALS.get(kind).keySet());
            return null;
        }
        if (override == null) {
            problems.add(path, "expected an object with warning, critical or enabled, found null");
            return null;
        }
        // a percentage past 100 is a level the metric never reaches: the alarm could never fire
        double max = percent ? 100 : Double.MAX_VALUE;
        for (String level : List.of("warning", "critical")) {
            Double value = level.equals("warning") ? override.warning() : override.critical();
            if (value != null && (value < 0 || value > max)) {
                problems.add(JsonPaths.field(path, level), "expected a number of at least 0"
                        + (percent ? " and at most 100 (a percentage)" : "") + ", found " + Numbers.plain(value));
            }
        }
        return def;
    }

    private static Double level(Double given, Double otherwise) {
        return given != null ? given : otherwise;
    }

    private static boolean percent(SignalDefinition def) {
        return def.unit().startsWith("%") && !def.isBand();
    }

    /**
     * Checks each workload resource's alarm levels as its alarms get them: its own {@code alarms} over
     * {@code monitoring.alarms} over the thresholds, against the defaults and units of the signals that
     * resource has (an Aurora cluster's replica lag is 1 s / 10 s, a read replica's 30 s / 300 s; free
     * storage is in % with storageGiB, in GiB without). A disabled signal is not checked.
     */
    public static void validateResourceOverrides(ConfigProblems problems, EnvironmentConfig env) {
        WorkloadConfig w = env.workload();
        String root = JsonPaths.field(JsonPaths.ROOT, "workload");
        check(problems, env, JsonPaths.field(root, "services"), w.services(), SERVICE, WorkloadConfig.ServiceConfig::name,
                WorkloadConfig.ServiceConfig::alarms, s -> SIGNALS.get(SERVICE));
        check(problems, env, JsonPaths.field(root, "loadBalancers"), w.loadBalancers(), LOAD_BALANCER,
                WorkloadConfig.LoadBalancerConfig::name, WorkloadConfig.LoadBalancerConfig::alarms, lb -> SIGNALS.get(LOAD_BALANCER));
        check(problems, env, JsonPaths.field(root, "databases"), w.databases(), DATABASE, WorkloadConfig.DatabaseConfig::name,
                WorkloadConfig.DatabaseConfig::alarms, AlarmCatalogue::signalsOf);
        check(problems, env, JsonPaths.field(root, "caches"), w.caches(), CACHE, WorkloadConfig.CacheConfig::name,
                WorkloadConfig.CacheConfig::alarms, c -> SIGNALS.get(CACHE));
    }

    /** A database's own signal definitions, over the catalogue's for the signals it does not have. */
    private static Map<String, SignalDefinition> signalsOf(WorkloadConfig.DatabaseConfig d) {
        if (d.engine() == null) {
            return SIGNALS.get(DATABASE); // reported by the database's own validation
        }
        Map<String, SignalDefinition> defs = new LinkedHashMap<>(SIGNALS.get(DATABASE));
        defs.putAll(byId(DatabaseSignals.forDatabase(new DatabaseSignals.Facts(d.engine(), d.isCluster(), d.memoryGiB(),
                d.maxConnections(), d.storageGiB(), d.readReplica()))));
        return defs;
    }

    private static <T> void check(ConfigProblems problems, EnvironmentConfig env, String listPath, List<T> items, String kind,
                                  java.util.function.Function<T, String> name,
                                  java.util.function.Function<T, Map<String, AlarmOverride>> alarms,
                                  java.util.function.Function<T, Map<String, SignalDefinition>> signals) {
        Map<String, AlarmOverride> inherited = MonitoredWorkload.resolve(env, kind, Map.of());
        String envAlarms = JsonPaths.field(JsonPaths.field(JsonPaths.ROOT, "monitoring"), "alarms");
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item == null) {
                continue;
            }
            Map<String, SignalDefinition> defs = signals.apply(item);
            Map<String, AlarmOverride> own = alarms.apply(item);
            String itemPath = JsonPaths.index(listPath, i);
            String p = JsonPaths.field(itemPath, "alarms");
            own.forEach((signal, o) -> {
                SignalDefinition def = defs.get(signal);
                if (checkValues(problems, JsonPaths.field(p, signal), kind, signal, o, def, def != null && percent(def)) == null) {
                    return;
                }
                AlarmOverride resolved = o.over(inherited.get(signal));
                if (!def.isBand() && !Boolean.FALSE.equals(resolved.enabled())) {
                    problems.warningBeforeCritical(JsonPaths.field(p, signal), level(resolved.warning(), def.warning()),
                            level(resolved.critical(), def.critical()), def.direction().higherIsWorse(), resolved.equals(o) ? ""
                                    : " (this " + kind + "'s own levels over $.monitoring.alarms and $.monitoring.thresholds)");
                }
            });
            // Levels this resource inherits, where its own definition differs from the catalogue's that
            // monitoring.alarms was checked against: reported at the monitoring.alarms entry, for this resource.
            inherited.forEach((signal, o) -> {
                SignalDefinition def = defs.get(signal);
                SignalDefinition catalogue = SIGNALS.get(kind).get(signal);
                // def == catalogue: the resource has no such signal (signalsOf lays its own definitions over
                // the catalogue's), e.g. an Aurora cluster's free storage, so nothing of it is checked here
                if (own.containsKey(signal) || o == null || Boolean.FALSE.equals(o.enabled()) || def == null || catalogue == null
                        || def.isBand() || def == catalogue) {
                    return;
                }
                String key = kind + "." + signal;
                String at = env.monitoring().alarms().containsKey(key) ? JsonPaths.field(envAlarms, key) : itemPath;
                String forThis = " for " + kind + " " + ConfigProblems.quote(name.apply(item));
                AlarmOverride given = env.monitoring().alarms().get(key);
                if (given != null && percent(def) && !percentEverywhere(kind, signal)) {
                    for (Double value : java.util.Arrays.asList(given.warning(), given.critical())) {
                        if (value != null && value > 100) {
                            problems.add(at, "expected at most 100" + forThis + " (its " + signal + " is a percentage), found "
                                    + Numbers.plain(value));
                        }
                    }
                }
                Double w = level(o.warning(), def.warning());
                Double c = level(o.critical(), def.critical());
                boolean sameDefaults = Objects.equals(def.warning(), catalogue.warning()) && Objects.equals(def.critical(), catalogue.critical());
                if (!sameDefaults) {
                    problems.warningBeforeCritical(at, w, c, def.direction().higherIsWorse(), forThis + " (" + signal
                            + " defaults to warning " + plain(def.warning()) + " and critical " + plain(def.critical())
                            + (def.unit().isEmpty() ? "" : " " + def.unit()) + " there)");
                }
            });
        }
    }

    private static String plain(Double value) {
        return value == null ? "none" : Numbers.plain(value);
    }

    /**
     * The short names ({@code <resource>-<signal>-<severity>}) of every alarm {@link MonitoringStack}
     * creates for this workload, composites included, in creation order.
     */
    public static List<String> shortNames(MonitoredWorkload workload, MonitoringSettings settings) {
        return List.copyOf(new LinkedHashSet<>(allShortNames(workload, settings)));
    }

    /**
     * Names that resources of two kinds would both create, e.g. a service named {@code db-main} and
     * the database {@code main} (CloudFormation refuses duplicate alarm names; duplicate names within
     * one kind are reported by the workload's own validation).
     */
    public static List<String> duplicateNames(MonitoredWorkload workload, MonitoringSettings settings) {
        Map<String, String> kindOf = new LinkedHashMap<>();
        Set<String> duplicates = new LinkedHashSet<>();
        List<String> service = new ArrayList<>();
        workload.services().forEach(s -> service.addAll(allShortNames(new MonitoredWorkload(List.of(s), null, null, null), settings)));
        claim(kindOf, duplicates, SERVICE, service);
        claim(kindOf, duplicates, LOAD_BALANCER, allShortNames(new MonitoredWorkload(null, workload.loadBalancers(), null, null), settings));
        claim(kindOf, duplicates, DATABASE, allShortNames(new MonitoredWorkload(null, null, workload.databases(), null), settings));
        claim(kindOf, duplicates, CACHE, allShortNames(new MonitoredWorkload(null, null, null, workload.caches()), settings));
        return List.copyOf(duplicates);
    }

    private static void claim(Map<String, String> kindOf, Set<String> duplicates, String kind, List<String> names) {
        for (String n : names) {
            String owner = kindOf.putIfAbsent(n, kind);
            if (owner != null && !owner.equals(kind)) {
                duplicates.add(n);
            }
        }
    }

    private static List<String> allShortNames(MonitoredWorkload workload, MonitoringSettings settings) {
        List<String> names = new ArrayList<>();
        for (MonitoredWorkload.Service s : workload.services()) {
            add(names, s.name(), EcsServiceSignals.ALL, s.overrides());
            if (s.targetGroupFullName() != null && s.loadBalancerFullName() != null) {
                List<String> tg = add(names, s.name(), LoadBalancerSignals.TARGET_GROUP, s.overrides());
                if (settings.anomalyBandWidth() > 0) {
                    add(names, s.name(), LoadBalancerSignals.anomalies(settings.anomalyBandWidth()), s.overrides());
                }
                if (LoadBalancerSignals.hasServiceDown(signal -> tg.contains(s.name() + "-" + signal + "-critical"))) {
                    names.add(s.name() + "-service-down-critical");
                }
            }
            add(names, s.name(), LogSignals.signals("ns", s.name()), s.overrides());
            if (settings.canaries() && s.healthUrl() != null) {
                add(names, s.name(), CanarySignals.forRate(settings.canaryRateMinutes()), s.overrides());
            }
        }
        for (MonitoredWorkload.LoadBalancer lb : workload.loadBalancers()) {
            add(names, lb.name(), LoadBalancerSignals.LOAD_BALANCER, lb.overrides());
        }
        for (MonitoredWorkload.Database db : workload.databases()) {
            List<String> created = add(names, db.name(), DatabaseSignals.forDatabase(db.facts()), db.overrides());
            boolean degraded = created.stream().anyMatch(n -> n.endsWith("-critical")
                    && DatabaseSignals.degrading(n.substring(db.name().length() + 1, n.length() - "-critical".length())));
            if (degraded) {
                names.add(db.name() + "-degraded-critical");
            }
        }
        for (MonitoredWorkload.Cache c : workload.caches()) {
            for (int n = 1; n <= c.nodes(); n++) {
                add(names, c.name() + "-" + String.format("%03d", n), CacheSignals.forNode(c.nodes() > 1), c.overrides());
            }
        }
        return names;
    }

    private static List<String> add(List<String> names, String resource, List<SignalDefinition> defs,
                                    Map<String, AlarmOverride> overrides) {
        List<String> added = new ArrayList<>();
        for (SignalDefinition given : defs) {
            SignalDefinition d = given.overriddenBy(overrides.get(given.id()));
            if (d == null) {
                continue;
            }
            if (d.warning() != null) {
                added.add(resource + "-" + d.id() + "-" + Severity.WARNING.id());
            }
            if (d.critical() != null) {
                added.add(resource + "-" + d.id() + "-" + Severity.CRITICAL.id());
            }
        }
        names.addAll(added);
        return added;
    }

    /**
     * Checks each composite rule: its syntax, that every name is an alarm this environment creates
     * (short or full name, or an earlier rule), at most 100 alarms and 10,240 characters.
     */
    public static void validateCompositeRules(ConfigProblems problems, String path, EnvironmentConfig env) {
        Set<String> known;
        List<String> duplicates;
        String prefix;
        try {
            prefix = env.names().prefix() + "-";
            MonitoredWorkload workload = MonitoredWorkload.fromConfig(env);
            MonitoringSettings settings = MonitoringSettings.fromConfig(env);
            known = new LinkedHashSet<>(shortNames(workload, settings));
            duplicates = duplicateNames(workload, settings);
        } catch (RuntimeException incomplete) {
            // The project name or the workload is invalid (already reported); names cannot be checked yet.
            known = null;
            duplicates = List.of();
            prefix = "";
        }
        if (!duplicates.isEmpty()) {
            problems.add(JsonPaths.field(JsonPaths.ROOT, "workload"), "two resources would create the alarm "
                    + ConfigProblems.quote(prefix + duplicates.get(0))
                    + (duplicates.size() > 1 ? " (and " + (duplicates.size() - 1) + " more)" : "")
                    + ": rename one (services, alb-, db- and cache- names share the alarm namespace)");
        }
        List<MonitoringConfig.CompositeRule> rules = env.monitoring().compositeRules();
        for (int i = 0; i < rules.size(); i++) {
            MonitoringConfig.CompositeRule rule = rules.get(i);
            if (rule == null || rule.rule() == null) {
                continue;
            }
            String p = JsonPaths.field(JsonPaths.index(path, i), "rule");
            // Full alarm names only lengthen a rule: one already too long is refused unparsed, so no
            // length of input reaches the parser's recursion.
            if (rule.rule().length() > MonitoringConfig.MAX_RULE_LENGTH) {
                problems.add(p, "expected a rule of at most " + MonitoringConfig.MAX_RULE_LENGTH
                        + " characters with full alarm names, found " + rule.rule().length() + " before adding them");
                continue;
            }
            AlarmExpression expression;
            try {
                expression = AlarmExpression.parse(rule.rule());
            } catch (AlarmExpression.SyntaxError e) {
                problems.add(p, e.getMessage());
                continue;
            }
            if (expression.names().size() > MonitoringConfig.MAX_ALARMS_PER_RULE) {
                problems.add(p, "expected at most " + MonitoringConfig.MAX_ALARMS_PER_RULE
                        + " alarms in a composite rule (CloudWatch's limit), found " + expression.names().size());
            }
            if (known != null) {
                for (String name : expression.names()) {
                    String shortName = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
                    if (!known.contains(shortName)) {
                        problems.add(p, "unknown alarm " + ConfigProblems.quote(name) + ": expected the name of an alarm"
                                + " this environment creates, <resource>-<signal>-<severity> such as "
                                + ConfigProblems.quote(known.isEmpty() ? "api-cpu-critical" : known.iterator().next()));
                    }
                }
                String fullPrefix = prefix;
                String full = expression.toAlarmRule(n -> n.startsWith(fullPrefix) ? n : fullPrefix + n);
                if (full.length() > MonitoringConfig.MAX_RULE_LENGTH) {
                    problems.add(p, "expected a rule of at most " + MonitoringConfig.MAX_RULE_LENGTH
                            + " characters with full alarm names, found " + full.length());
                }
                if (rule.name() != null && !known.add(rule.name() + "-" + rule.severity())) {
                    problems.add(JsonPaths.field(JsonPaths.index(path, i), "name"), "expected a name no other alarm has,"
                            + " found " + ConfigProblems.quote(rule.name()) + " (the alarm "
                            + ConfigProblems.quote(prefix + rule.name() + "-" + rule.severity()) + " already exists)");
                }
            }
        }
    }
}
