package io.github.opsbaseline.monitoring.canary;

import io.github.opsbaseline.monitoring.alarm.AlarmOptions;
import io.github.opsbaseline.config.MonitoringConfig.AlarmOverride;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.synthetics.Runtime;

/**
 * Props of {@link HealthCanaries}.
 *
 * @param options naming, topics and threshold overrides; required
 * @param checks the health URLs to call, one canary each; required, at least one
 * @param rateMinutes minutes between runs; default 5
 * @param artifactRetentionDays days artifacts are kept in the bucket; default 30
 * @param encryptionKey key of the artifacts bucket; default a new key
 * @param removalPolicy of the bucket (and a new key); default RETAIN
 * @param runtime the Synthetics runtime; default {@code syn-nodejs-puppeteer-13.0} (Node.js 22: AWS
 *     deprecates a Synthetics runtime with its Lambda runtime, and a deprecated one cannot create
 *     canaries; the script's {@code require('Synthetics')} works up to 13.0)
 * @param infrastructure bucket, key and role shared with other canaries; default their own (then
 *     {@code encryptionKey}, {@code artifactRetentionDays} and {@code removalPolicy} shape it)
 */
public record HealthCanariesProps(AlarmOptions options, List<HealthCheck> checks, Integer rateMinutes,
                                  Integer artifactRetentionDays, IKey encryptionKey, RemovalPolicy removalPolicy,
                                  Runtime runtime, CanaryInfrastructure infrastructure) {

    /**
     * One URL to check.
     *
     * @param resourceName short name in canary and alarm names, e.g. {@code api}
     * @param url the https URL, e.g. {@code https://api.example.com/health}
     * @param overrides this check's alarm overrides ({@code health-check}); default the props' options'
     */
    public record HealthCheck(String resourceName, String url, Map<String, AlarmOverride> overrides) {
        public HealthCheck(String resourceName, String url) {
            this(resourceName, url, null);
        }
    }

    public HealthCanariesProps {
        Objects.requireNonNull(options, "options");
        checks = List.copyOf(checks);
        if (checks.isEmpty()) {
            throw new IllegalArgumentException("HealthCanaries needs at least one health check");
        }
        rateMinutes = rateMinutes == null ? 5 : rateMinutes;
        artifactRetentionDays = artifactRetentionDays == null ? 30 : artifactRetentionDays;
        removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
        runtime = runtime == null ? Runtime.SYNTHETICS_NODEJS_PUPPETEER_13_0 : runtime;
    }

    public static HealthCanariesProps of(AlarmOptions options, List<HealthCheck> checks) {
        return new HealthCanariesProps(options, checks, null, null, null, null, null, null);
    }
}
