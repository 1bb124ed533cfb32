package io.github.opsbaseline.config;

import static io.github.opsbaseline.config.JsonPaths.field;
import static io.github.opsbaseline.config.JsonPaths.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The security section of the environment file: every control of the SecurityStack, each one
 * switchable. A control left out keeps the default written on its {@code @param}.
 *
 * @param waf the web firewall on the workload's load balancers; default on (see {@link Waf})
 * @param guardDuty threat detection; default a new detector with every protection plan the
 *     workload uses (see {@link GuardDuty})
 * @param cloudTrail the audit trail and the CIS alarms; default on (see {@link CloudTrail})
 * @param config AWS Config recorder and managed rules; default on (see {@link AwsConfig})
 * @param flowLogs VPC Flow Logs of {@code workload.vpcs}; default on, to CloudWatch Logs
 * @param securityHub Security Hub and its standards; default off (opt-in: it costs per check)
 * @param accessAnalyzer an account IAM Access Analyzer; default true
 * @param shieldAdvanced Shield Advanced protection of {@code workload.loadBalancers}; default false
 *     (USD 3,000 a month per organization with a one-year commitment, plus data transfer)
 */
public record SecurityConfig(
        Waf waf,
        GuardDuty guardDuty,
        CloudTrail cloudTrail,
        AwsConfig config,
        FlowLogs flowLogs,
        SecurityHub securityHub,
        Boolean accessAnalyzer,
        Boolean shieldAdvanced) {

    public SecurityConfig {
        waf = waf == null ? Waf.defaults() : waf;
        guardDuty = guardDuty == null ? GuardDuty.defaults() : guardDuty;
        cloudTrail = cloudTrail == null ? CloudTrail.defaults() : cloudTrail;
        config = config == null ? AwsConfig.defaults() : config;
        flowLogs = flowLogs == null ? FlowLogs.defaults() : flowLogs;
        securityHub = securityHub == null ? SecurityHub.defaults() : securityHub;
        accessAnalyzer = accessAnalyzer == null || accessAnalyzer;
        shieldAdvanced = shieldAdvanced != null && shieldAdvanced;
    }

    public static SecurityConfig defaults() {
        return new SecurityConfig(null, null, null, null, null, null, null, null);
    }

    void validate(ConfigProblems problems, String path, EnvironmentConfig env) {
        waf.validate(problems, field(path, "waf"), env);
        guardDuty.validate(problems, field(path, "guardDuty"));
        cloudTrail.validate(problems, field(path, "cloudTrail"));
        config.validate(problems, field(path, "config"));
        flowLogs.validate(problems, field(path, "flowLogs"));
        if (shieldAdvanced && env.workload().loadBalancers().isEmpty()) {
            problems.add(field(path, "shieldAdvanced"),
                    "expected load balancers in $.workload.loadBalancers to protect, found none");
        }
    }

    private static final Pattern IPV4_CIDR = Pattern.compile(
            // prefix 1 to 32: WAF IP sets take every CIDR "except for /0"
            "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)/(3[0-2]|[12]\\d|[1-9])");
    /** ISO 3166-1 alpha-2 codes, the ones WAF's geo match takes; a made-up code would fail the deploy. */
    private static final Pattern COUNTRY = Pattern.compile(String.join("|", java.util.Locale.getISOCountries()));
    private static final Pattern URI_PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*");

    // ---------------------------------------------------------------- WAF

    /**
     * The regional web ACL {@code <project>-<env>-web-acl}, associated with every load balancer of
     * {@code workload.loadBalancers}.
     *
     * @param enabled whether to create the web ACL; default true
     * @param anonymousIpList add the AWS managed AnonymousIpList group (VPNs, Tor, hosting
     *     providers); default false (it blocks legitimate users behind VPNs)
     * @param botControl add the AWS managed BotControl group (common level); default false (priced
     *     per request on top of WAF)
     * @param rateLimit the per-IP rate-based rule; default 2000 requests per 300 s (seed 003)
     * @param scopedRateLimits tighter per-IP limits on paths; default login 5/min and payments
     *     10/min (seed 000), mapped to WAF's allowed settings (see {@link ScopedRateLimit#effective()})
     * @param probePaths URI paths nobody legitimate requests, blocked outright with whatever follows
     *     them after a character that is not a letter ({@code /admin/}, {@code /test.php}), but not as the start
     *     of a longer word ({@code /testimonials}); dot files and paths ending in {@code /} are plain
     *     prefixes; at most 200 characters as one regular expression; default
     *     seed 000's list
     * @param uploadPaths path prefixes where CommonRuleSet's SizeRestrictions_BODY (8 KB) only
     *     counts; default none (the rule blocks everywhere)
     * @param allowIps IPv4 CIDRs always allowed (evaluated first); default none
     * @param denyIps IPv4 CIDRs always blocked; default none
     * @param blockedCountries ISO 3166 alpha-2 codes blocked by geo match; default none
     * @param countRules rules that only count (staged rollout), by rule name (see
     *     {@link #RULE_NAMES}; scoped limits are {@code rate-<name>}); default none
     * @param logRetentionDays retention of the WAF log group; default 365 (Control Tower
     *     CT.CLOUDWATCH.PR.2 and Security Hub CloudWatch.16 want at least a year)
     * @param blockedRequestsThreshold blocked requests per 5 minutes that raise a warning; default 1000
     * @param rateLimitedRequestsThreshold requests per 5 minutes blocked by any one rate rule that
     *     raise a warning; default 100
     */
    public record Waf(
            Boolean enabled,
            Boolean anonymousIpList,
            Boolean botControl,
            RateLimit rateLimit,
            List<ScopedRateLimit> scopedRateLimits,
            List<String> probePaths,
            List<String> uploadPaths,
            List<String> allowIps,
            List<String> denyIps,
            List<String> blockedCountries,
            List<String> countRules,
            Integer logRetentionDays,
            Integer blockedRequestsThreshold,
            Integer rateLimitedRequestsThreshold) {

        /** WAF's limit on the capacity of one web ACL. */
        public static final int MAX_WCU = 5_000;
        /** Rule names usable in {@code countRules}, besides {@code rate-<scoped name>}. */
        public static final List<String> RULE_NAMES = List.of("allow-ips", "deny-ips", "geo-block", "probe-paths",
                "ip-reputation", "anonymous-ip", "common", "body-size", "known-bad-inputs", "sqli", "bot-control",
                "rate-per-ip");
        /** AWS WAF's limit on the characters of one regular expression. */
        public static final int MAX_PROBE_REGEX = 200;

        /**
         * The probe paths as one regular expression over the lower-cased URI path: one match
         * statement instead of one per path (13 WCU in all, against 12 each). A word such as
         * {@code /test} must not go on with another letter, so {@code /testimonials} passes while
         * {@code /test/}, {@code /test.php} and {@code /test-1} are blocked; a dot file
         * ({@code /.git}: {@code /.gitignore} too) and a path written with a closing {@code /}
         * ({@code /cgi-bin/}: everything under it) are prefixes.
         */
        public static String probePathRegex(List<String> paths) {
            // non-capturing groups: WAF refuses capturing subexpressions
            return "^(?:" + String.join("|", paths.stream().map(p -> {
                String literal = p.toLowerCase(java.util.Locale.ROOT).replaceAll("([\\\\.^$|?*+()\\[\\]{}])", "\\\\$1");
                return p.startsWith("/.") || p.endsWith("/") ? literal : literal + "(?:[^a-z]|$)";
            }).toList()) + ")";
        }

        /** Seed 000's security middleware watches these. */
        public static final List<String> SEED_PROBE_PATHS = List.of("/.env", "/.git", "/wp-admin", "/phpmyadmin",
                "/backup", "/config", "/admin", "/test");

        public Waf {
            enabled = enabled == null || enabled;
            anonymousIpList = anonymousIpList != null && anonymousIpList;
            botControl = botControl != null && botControl;
            rateLimit = rateLimit == null ? new RateLimit(null, null) : rateLimit;
            scopedRateLimits = scopedRateLimits == null ? List.of(
                    new ScopedRateLimit("login", "/api/auth/login", 5, 60),
                    new ScopedRateLimit("payments", "/api/payments", 10, 60)) : copy(scopedRateLimits);
            probePaths = probePaths == null ? SEED_PROBE_PATHS : copy(probePaths);
            uploadPaths = uploadPaths == null ? List.of() : copy(uploadPaths);
            allowIps = allowIps == null ? List.of() : copy(allowIps);
            denyIps = denyIps == null ? List.of() : copy(denyIps);
            blockedCountries = blockedCountries == null ? List.of() : copy(blockedCountries);
            countRules = countRules == null ? List.of() : copy(countRules);
            logRetentionDays = logRetentionDays == null ? 365 : logRetentionDays;
            blockedRequestsThreshold = blockedRequestsThreshold == null ? 1000 : blockedRequestsThreshold;
            rateLimitedRequestsThreshold = rateLimitedRequestsThreshold == null ? 100 : rateLimitedRequestsThreshold;
        }

        public static Waf defaults() {
            return new Waf(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        public boolean counts(String ruleName) {
            return countRules.contains(ruleName);
        }

        void validate(ConfigProblems problems, String path, EnvironmentConfig env) {
            int before = problems.entries().size();
            rateLimit.validate(problems, field(path, "rateLimit"));
            Set<String> known = new HashSet<>(RULE_NAMES);
            for (int i = 0; i < scopedRateLimits.size(); i++) {
                ScopedRateLimit s = scopedRateLimits.get(i);
                if (s == null) {
                    problems.add(index(field(path, "scopedRateLimits"), i), "expected an object, found null");
                } else {
                    s.validate(problems, index(field(path, "scopedRateLimits"), i));
                    // Its rule is rate-<name>: a name making a built-in rule's name would be two rules of one name.
                    if (s.name() != null && RULE_NAMES.contains("rate-" + s.name())) {
                        problems.add(field(index(field(path, "scopedRateLimits"), i), "name"), "expected a name whose"
                                + " rule, rate-<name>, is not a built-in rule's, found " + ConfigProblems.quote(s.name()));
                    }
                    known.add("rate-" + s.name());
                }
            }
            problems.unique(field(path, "scopedRateLimits"), scopedRateLimits, ScopedRateLimit::name, "name");
            eachMatches(problems, field(path, "probePaths"), probePaths, URI_PATH, "a URI path starting with /");
            int regexLength = probePaths.isEmpty() || !probePaths.stream().allMatch(java.util.Objects::nonNull) ? 0
                    : probePathRegex(probePaths).length();
            if (regexLength > MAX_PROBE_REGEX) {
                problems.add(field(path, "probePaths"), "expected paths that fit one WAF regular expression of at most "
                        + MAX_PROBE_REGEX + " characters, found " + regexLength);
            }
            eachMatches(problems, field(path, "uploadPaths"), uploadPaths, URI_PATH, "a URI path starting with /");
            eachMatches(problems, field(path, "allowIps"), allowIps, IPV4_CIDR, "an IPv4 CIDR such as 203.0.113.0/24");
            eachMatches(problems, field(path, "denyIps"), denyIps, IPV4_CIDR, "an IPv4 CIDR such as 203.0.113.0/24");
            eachMatches(problems, field(path, "blockedCountries"), blockedCountries, COUNTRY,
                    "an ISO 3166 alpha-2 country code such as \"KP\"");
            for (int i = 0; i < countRules.size(); i++) {
                String rule = countRules.get(i);
                if (rule == null || !known.contains(rule)) {
                    problems.add(index(field(path, "countRules"), i), "expected a rule name of this web ACL "
                            + known.stream().sorted().toList() + ", found " + ConfigProblems.quote(rule));
                }
            }
            if (!MonitoringConfig.LOG_RETENTION_DAYS.contains(logRetentionDays)) {
                problems.add(field(path, "logRetentionDays"), "expected one of CloudWatch Logs' retention periods "
                        + MonitoringConfig.LOG_RETENTION_DAYS + ", found " + logRetentionDays);
            }
            problems.inRange(field(path, "blockedRequestsThreshold"), blockedRequestsThreshold, 1, 1e9);
            problems.inRange(field(path, "rateLimitedRequestsThreshold"), rateLimitedRequestsThreshold, 1, 1e9);
            if (enabled && problems.entries().size() == before) {
                WafCapacity capacity = WafCapacity.of(this);
                if (capacity.total() > MAX_WCU) {
                    problems.add(path, "expected a web ACL of at most " + MAX_WCU + " WCU, found "
                            + capacity.total() + " WCU (" + capacity.breakdown() + ")");
                }
            }
        }
    }

    /**
     * A per-IP rate-based rule as WAF takes it.
     *
     * @param limit requests per window per IP, at least 10; default 2000 (seed 003: 2000 a minute)
     * @param windowSeconds 60, 120, 300 or 600; default 60, so the default limit is seed 003's rate
     */
    public record RateLimit(Integer limit, Integer windowSeconds) {

        /** The evaluation windows WAF accepts. */
        public static final List<Integer> WINDOWS = List.of(60, 120, 300, 600);
        /** The highest {@code Limit} WAF accepts in a rate-based statement. */
        public static final long MAX_LIMIT = 2_000_000_000L;

        public RateLimit {
            limit = limit == null ? 2000 : limit;
            windowSeconds = windowSeconds == null ? 60 : windowSeconds;
        }

        void validate(ConfigProblems problems, String path) {
            problems.inRange(field(path, "limit"), limit, 10, MAX_LIMIT);
            if (!WINDOWS.contains(windowSeconds)) {
                problems.add(field(path, "windowSeconds"), "expected one of " + WINDOWS + ", found " + windowSeconds);
            }
        }
    }

    /**
     * A tighter per-IP limit on one path, written as the application states it (seed 000:
     * {@code 5/minute} on login).
     *
     * @param name short name; the rule is {@code rate-<name>}
     * @param pathPrefix URI path prefix the limit applies to
     * @param requests allowed requests per {@code perSeconds}
     * @param perSeconds the application's period in seconds; default 60
     */
    public record ScopedRateLimit(String name, String pathPrefix, Integer requests, Integer perSeconds) {

        public ScopedRateLimit {
            perSeconds = perSeconds == null ? 60 : perSeconds;
        }

        /**
         * The WAF setting for this limit. WAF needs {@code Limit >= 10} and a window of 60, 120, 300
         * or 600 s. Kept as written when both already hold; otherwise the smallest allowed window in
         * which the same rate gives at least 10 requests, the limit being the rate times that window
         * (rounded to the nearest integer). When even 600 s gives fewer than 10, the result is 10 per
         * 600 s, which is looser than asked. Seed 000: 5/min becomes 10 per 120 s; 10/min stays.
         */
        public RateLimit effective() {
            Scaled scaled = scaled();
            return new RateLimit(Math.toIntExact(scaled.limit()), scaled.window());
        }

        /** {@link #effective()}'s setting with the limit as a long: validation refuses one past WAF's. */
        private record Scaled(long limit, int window) { }

        private Scaled scaled() {
            if (RateLimit.WINDOWS.contains(perSeconds) && requests >= 10) {
                return new Scaled(requests, perSeconds);
            }
            for (int window : RateLimit.WINDOWS) {
                long limit = Math.round((double) requests * window / perSeconds);
                if (limit >= 10) {
                    return new Scaled(limit, window);
                }
            }
            return new Scaled(10, 600);
        }

        void validate(ConfigProblems problems, String path) {
            if (problems.require(field(path, "name"), name)) {
                problems.matches(field(path, "name"), name, Patterns.NAME, "a name of lower-case letters, digits and dashes");
            }
            if (problems.require(field(path, "pathPrefix"), pathPrefix)) {
                problems.matches(field(path, "pathPrefix"), pathPrefix, URI_PATH, "a URI path starting with /");
            }
            if (problems.require(field(path, "requests"), requests)) {
                problems.inRange(field(path, "requests"), requests, 1, RateLimit.MAX_LIMIT);
            }
            problems.inRange(field(path, "perSeconds"), perSeconds, 1, 86_400);
            if (requests != null && requests >= 1 && perSeconds >= 1 && perSeconds <= 86_400) {
                Scaled scaled = scaled();
                if (scaled.limit() > RateLimit.MAX_LIMIT) {
                    problems.add(field(path, "requests"), "expected a rate WAF can enforce: " + requests + " per "
                            + perSeconds + " s is " + scaled.limit() + " per " + scaled.window() + " s, above WAF's limit of "
                            + RateLimit.MAX_LIMIT + " per window");
                }
            }
        }
    }

    /**
     * The web ACL capacity units (WCU) of a {@link Waf}, rule by rule, computed at config time so an
     * ACL over WAF's 5,000 WCU fails validation instead of the deployment. Managed groups use the
     * capacities AWS publishes for them; custom rules use AWS's statement costs: IP set 1, geo match
     * 1, label match 1, string match STARTS_WITH 2 plus 10 per text transformation, rate-based 2
     * plus its scope-down statement, logical statements the sum of what they nest.
     *
     * @param rules WCU per rule name, in rule order
     */
    public record WafCapacity(java.util.Map<String, Integer> rules) {

        /** Published capacities of the AWS managed rule groups the baseline uses. */
        public static final int COMMON = 700;
        public static final int KNOWN_BAD_INPUTS = 200;
        public static final int SQLI = 200;
        public static final int IP_REPUTATION = 25;
        public static final int ANONYMOUS_IP = 50;
        public static final int BOT_CONTROL = 50;
        /** Bot Control's scope-down leaving the health canaries out: STARTS_WITH on a header, as written. */
        public static final int CANARY_EXCEPTION = 2;
        /** One regex match statement (3) with the LOWERCASE transformation (10), for all probe paths. */
        public static final int PROBE_PATHS = 13;
        /** @deprecated probe paths are one regex statement now ({@link #PROBE_PATHS}); this was per path. */
        @Deprecated
        public static final int PROBE_PATH = 12;
        /** STARTS_WITH without transformation: application paths are case-sensitive. */
        public static final int PATH_PREFIX = 2;
        public static final int RATE_BASED = 2;

        public static WafCapacity of(Waf waf) {
            java.util.Map<String, Integer> rules = new java.util.LinkedHashMap<>();
            if (!waf.allowIps().isEmpty()) {
                rules.put("allow-ips", 1);
            }
            if (!waf.denyIps().isEmpty()) {
                rules.put("deny-ips", 1);
            }
            if (!waf.blockedCountries().isEmpty()) {
                rules.put("geo-block", 1);
            }
            if (!waf.probePaths().isEmpty()) {
                rules.put("probe-paths", PROBE_PATHS);
            }
            rules.put("ip-reputation", IP_REPUTATION);
            if (waf.anonymousIpList()) {
                rules.put("anonymous-ip", ANONYMOUS_IP);
            }
            rules.put("common", COMMON);
            if (!waf.uploadPaths().isEmpty()) {
                rules.put("body-size", 1 + PATH_PREFIX * waf.uploadPaths().size());
            }
            rules.put("known-bad-inputs", KNOWN_BAD_INPUTS);
            rules.put("sqli", SQLI);
            if (waf.botControl()) {
                rules.put("bot-control", BOT_CONTROL + CANARY_EXCEPTION);
            }
            rules.put("rate-per-ip", RATE_BASED);
            for (ScopedRateLimit scoped : waf.scopedRateLimits()) {
                rules.put("rate-" + scoped.name(), RATE_BASED + PATH_PREFIX);
            }
            return new WafCapacity(java.util.Collections.unmodifiableMap(rules));
        }

        public int total() {
            return rules.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** {@code name=wcu, ...} in rule order, for messages and the report. */
        public String breakdown() {
            StringBuilder b = new StringBuilder();
            rules.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            return b.toString();
        }
    }

    // ---------------------------------------------------------------- GuardDuty

    /** How often GuardDuty publishes updates of active findings. */
    public enum FindingFrequency {
        @JsonProperty("FIFTEEN_MINUTES") FIFTEEN_MINUTES,
        @JsonProperty("ONE_HOUR") ONE_HOUR,
        @JsonProperty("SIX_HOURS") SIX_HOURS
    }

    /**
     * GuardDuty: a detector with protection plans as {@code Features}, and findings routed by severity.
     *
     * @param enabled whether to route findings (and create the detector); default true
     * @param createDetector create the detector; false when the account already has one (one per
     *     account and region): then only the EventBridge rules are created; default true
     * @param s3DataEvents S3 protection; default true
     * @param eksAuditLogs EKS audit log monitoring; default false (the workload runs on ECS)
     * @param ebsMalwareProtection malware scans of EBS volumes; default true
     * @param rdsLoginEvents RDS login activity monitoring; default true
     * @param runtimeMonitoring runtime monitoring with ECS Fargate agent management; default true
     * @param lambdaNetworkLogs Lambda network activity monitoring; default true
     * @param findingPublishingFrequency default {@code FIFTEEN_MINUTES}
     */
    public record GuardDuty(
            Boolean enabled,
            Boolean createDetector,
            Boolean s3DataEvents,
            Boolean eksAuditLogs,
            Boolean ebsMalwareProtection,
            Boolean rdsLoginEvents,
            Boolean runtimeMonitoring,
            Boolean lambdaNetworkLogs,
            FindingFrequency findingPublishingFrequency) {

        public GuardDuty {
            enabled = enabled == null || enabled;
            createDetector = createDetector == null || createDetector;
            s3DataEvents = s3DataEvents == null || s3DataEvents;
            eksAuditLogs = eksAuditLogs != null && eksAuditLogs;
            ebsMalwareProtection = ebsMalwareProtection == null || ebsMalwareProtection;
            rdsLoginEvents = rdsLoginEvents == null || rdsLoginEvents;
            runtimeMonitoring = runtimeMonitoring == null || runtimeMonitoring;
            lambdaNetworkLogs = lambdaNetworkLogs == null || lambdaNetworkLogs;
            findingPublishingFrequency = findingPublishingFrequency == null
                    ? FindingFrequency.FIFTEEN_MINUTES : findingPublishingFrequency;
        }

        public static GuardDuty defaults() {
            return new GuardDuty(null, null, null, null, null, null, null, null, null);
        }

        void validate(ConfigProblems problems, String path) {
            // Every field is a switch or an enum, which strict binding already checked.
        }
    }

    // ---------------------------------------------------------------- CloudTrail

    /** CloudTrail Insights types. */
    public enum InsightType {
        @JsonProperty("ApiCallRateInsight") API_CALL_RATE,
        @JsonProperty("ApiErrorRateInsight") API_ERROR_RATE
    }

    /**
     * The multi-region audit trail, its bucket and log group, and the CIS metric filters and alarms.
     *
     * @param enabled default true
     * @param glacierAfterDays move trail objects to Glacier Flexible Retrieval after this many days;
     *     default 90
     * @param expireAfterDays delete trail objects after this many days; default 2555 (7 years, a
     *     common audit retention)
     * @param logRetentionDays retention of the trail's CloudWatch log group; default 365
     *     (Security Hub CloudWatch.16)
     * @param insights CloudTrail Insights types; default none (priced per event analysed)
     * @param s3DataEvents log S3 object-level events of every bucket except the trail's own;
     *     default false (priced per event)
     * @param cisAlarms the CIS CloudWatch.1-14 and 4.15 metric filters and alarms; default true
     */
    public record CloudTrail(
            Boolean enabled,
            Integer glacierAfterDays,
            Integer expireAfterDays,
            Integer logRetentionDays,
            List<InsightType> insights,
            Boolean s3DataEvents,
            Boolean cisAlarms) {

        public CloudTrail {
            enabled = enabled == null || enabled;
            glacierAfterDays = glacierAfterDays == null ? 90 : glacierAfterDays;
            expireAfterDays = expireAfterDays == null ? 2555 : expireAfterDays;
            logRetentionDays = logRetentionDays == null ? 365 : logRetentionDays;
            insights = insights == null ? List.of() : copy(insights);
            s3DataEvents = s3DataEvents != null && s3DataEvents;
            cisAlarms = cisAlarms == null || cisAlarms;
        }

        public static CloudTrail defaults() {
            return new CloudTrail(null, null, null, null, null, null, null);
        }

        void validate(ConfigProblems problems, String path) {
            problems.inRange(field(path, "glacierAfterDays"), glacierAfterDays, 1, 36_500);
            problems.inRange(field(path, "expireAfterDays"), expireAfterDays, 1, 36_500);
            if (expireAfterDays <= glacierAfterDays) {
                problems.add(field(path, "expireAfterDays"), "expected more days than glacierAfterDays ("
                        + glacierAfterDays + "), found " + expireAfterDays);
            }
            if (!MonitoringConfig.LOG_RETENTION_DAYS.contains(logRetentionDays)) {
                problems.add(field(path, "logRetentionDays"), "expected one of CloudWatch Logs' retention periods "
                        + MonitoringConfig.LOG_RETENTION_DAYS + ", found " + logRetentionDays);
            }
            if (cisAlarms && !enabled) {
                problems.add(field(path, "cisAlarms"), "expected false when the trail is disabled (the CIS alarms"
                        + " read the trail's log group), found true");
            }
        }
    }

    // ---------------------------------------------------------------- AWS Config

    /** What the recorder does with network interfaces, the classic cost trap of AWS Config. */
    public enum NetworkInterfaceRecording {
        /** Recorded once a day instead of on every change. */
        @JsonProperty("daily") DAILY,
        /** Not recorded at all. */
        @JsonProperty("excluded") EXCLUDED
    }

    /** Delivery frequencies of the configuration snapshot. */
    public enum SnapshotFrequency {
        @JsonProperty("One_Hour") ONE_HOUR("One_Hour"),
        @JsonProperty("Three_Hours") THREE_HOURS("Three_Hours"),
        @JsonProperty("Six_Hours") SIX_HOURS("Six_Hours"),
        @JsonProperty("Twelve_Hours") TWELVE_HOURS("Twelve_Hours"),
        @JsonProperty("TwentyFour_Hours") TWENTY_FOUR_HOURS("TwentyFour_Hours");

        private final String value;

        SnapshotFrequency(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /**
     * AWS Config: recorder, delivery channel, managed rules chosen by {@code compliance}.
     *
     * @param enabled default true
     * @param createRecorder create the recorder and delivery channel; false when the region already
     *     has a recorder (one per region): then only the rules and the compliance alerts; default true
     * @param recordGlobalResources record IAM and other global types; true only in the home region
     *     of the account's recorders; default true
     * @param networkInterfaces {@code daily} or {@code excluded}; default {@code daily}
     * @param snapshotFrequency default {@code TwentyFour_Hours}
     * @param expireAfterDays delete delivered snapshots and history after this many days; default 2555
     * @param managedRules create the managed rules of the compliance list; default true
     */
    public record AwsConfig(
            Boolean enabled,
            Boolean createRecorder,
            Boolean recordGlobalResources,
            NetworkInterfaceRecording networkInterfaces,
            SnapshotFrequency snapshotFrequency,
            Integer expireAfterDays,
            Boolean managedRules) {

        public AwsConfig {
            enabled = enabled == null || enabled;
            createRecorder = createRecorder == null || createRecorder;
            recordGlobalResources = recordGlobalResources == null || recordGlobalResources;
            networkInterfaces = networkInterfaces == null ? NetworkInterfaceRecording.DAILY : networkInterfaces;
            snapshotFrequency = snapshotFrequency == null ? SnapshotFrequency.TWENTY_FOUR_HOURS : snapshotFrequency;
            expireAfterDays = expireAfterDays == null ? 2555 : expireAfterDays;
            managedRules = managedRules == null || managedRules;
        }

        public static AwsConfig defaults() {
            return new AwsConfig(null, null, null, null, null, null, null);
        }

        void validate(ConfigProblems problems, String path) {
            problems.inRange(field(path, "expireAfterDays"), expireAfterDays, 1, 36_500);
            if (networkInterfaces == NetworkInterfaceRecording.EXCLUDED && recordGlobalResources) {
                problems.add(field(path, "recordGlobalResources"), "expected false with networkInterfaces"
                        + " \"excluded\" (AWS Config's exclusion strategy cannot add global types), found true");
            }
        }
    }

    // ---------------------------------------------------------------- Flow logs

    /** Which traffic a flow log records. */
    public enum TrafficType {
        @JsonProperty("ALL") ALL, @JsonProperty("ACCEPT") ACCEPT, @JsonProperty("REJECT") REJECT
    }

    /**
     * VPC Flow Logs for each VPC of {@code workload.vpcs}.
     *
     * @param enabled default true
     * @param trafficType default {@code ALL}
     * @param cloudWatchLogs deliver to a KMS-encrypted log group (needed for the REJECT alarm and
     *     queries); default true
     * @param s3 deliver to a hardened S3 bucket as well (cheaper long-term storage); default false
     * @param aggregationIntervalSeconds 60 or 600; default 600
     * @param logRetentionDays retention of the flow log groups; default 365 (CT.CLOUDWATCH.PR.2)
     * @param rejectedPacketsThreshold REJECT records per 5 minutes that raise a warning; default 1000
     * @param expireAfterDays delete S3 flow log objects after this many days; default 365
     */
    public record FlowLogs(
            Boolean enabled,
            TrafficType trafficType,
            Boolean cloudWatchLogs,
            Boolean s3,
            Integer aggregationIntervalSeconds,
            Integer logRetentionDays,
            Integer rejectedPacketsThreshold,
            Integer expireAfterDays) {

        public FlowLogs {
            enabled = enabled == null || enabled;
            trafficType = trafficType == null ? TrafficType.ALL : trafficType;
            cloudWatchLogs = cloudWatchLogs == null || cloudWatchLogs;
            s3 = s3 != null && s3;
            aggregationIntervalSeconds = aggregationIntervalSeconds == null ? 600 : aggregationIntervalSeconds;
            logRetentionDays = logRetentionDays == null ? 365 : logRetentionDays;
            rejectedPacketsThreshold = rejectedPacketsThreshold == null ? 1000 : rejectedPacketsThreshold;
            expireAfterDays = expireAfterDays == null ? 365 : expireAfterDays;
        }

        public static FlowLogs defaults() {
            return new FlowLogs(null, null, null, null, null, null, null, null);
        }

        void validate(ConfigProblems problems, String path) {
            if (enabled && !cloudWatchLogs && !s3) {
                problems.add(path, "expected at least one destination (cloudWatchLogs or s3), found neither");
            }
            if (aggregationIntervalSeconds != 60 && aggregationIntervalSeconds != 600) {
                problems.add(field(path, "aggregationIntervalSeconds"), "expected 60 or 600, found "
                        + aggregationIntervalSeconds);
            }
            if (!MonitoringConfig.LOG_RETENTION_DAYS.contains(logRetentionDays)) {
                problems.add(field(path, "logRetentionDays"), "expected one of CloudWatch Logs' retention periods "
                        + MonitoringConfig.LOG_RETENTION_DAYS + ", found " + logRetentionDays);
            }
            problems.inRange(field(path, "rejectedPacketsThreshold"), rejectedPacketsThreshold, 1, 1e9);
            problems.inRange(field(path, "expireAfterDays"), expireAfterDays, 1, 36_500);
        }
    }

    // ---------------------------------------------------------------- Security Hub

    /**
     * Security Hub with the standards of the compliance list (AWS Foundational Security Best
     * Practices always; CIS 3.0, PCI DSS 3.2.1, NIST 800-53 r5 when listed).
     *
     * @param enabled default false (opt-in)
     * @param createHub create the hub; false when it is already enabled (then standards and the
     *     findings rule only); default true
     * @param manageStandards enable the standards here; false when the organization's delegated
     *     administrator sets them by a central configuration policy (a centrally managed account cannot
     *     enable standards itself, so the deploy would fail); default true
     */
    public record SecurityHub(Boolean enabled, Boolean createHub, Boolean manageStandards) {
        public SecurityHub {
            enabled = enabled != null && enabled;
            createHub = createHub == null || createHub;
            manageStandards = manageStandards == null || manageStandards;
        }

        /** Enabled and hub as given, standards managed here. */
        public SecurityHub(Boolean enabled, Boolean createHub) {
            this(enabled, createHub, null);
        }

        public static SecurityHub defaults() {
            return new SecurityHub(null, null, null);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static <T> List<T> copy(List<T> list) {
        return java.util.Collections.unmodifiableList(new ArrayList<>(list));
    }

    private static void eachMatches(ConfigProblems problems, String path, List<String> values, Pattern pattern,
                                    String what) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                problems.add(index(path, i), "expected " + what + ", found null");
            } else {
                problems.matches(index(path, i), values.get(i), pattern, what);
            }
        }
    }
}
