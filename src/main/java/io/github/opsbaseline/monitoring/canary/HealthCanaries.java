package io.github.opsbaseline.monitoring.canary;

import io.github.opsbaseline.monitoring.alarm.AlarmFactory;
import io.github.opsbaseline.monitoring.alarm.BaselineAlarm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.synthetics.ArtifactsBucketLocation;
import software.amazon.awscdk.services.synthetics.Canary;
import software.amazon.awscdk.services.synthetics.CfnCanary;
import software.constructs.Construct;

/**
 * CloudWatch Synthetics canaries that call each health URL from outside (seed: {@code /health})
 * and fail on a non-2xx answer, with a warning and critical alarm on their success percentage. Their
 * artifacts bucket, key and role come from a {@link CanaryInfrastructure}: the props' one (shared by
 * canaries in several stacks) or one of their own.
 */
public class HealthCanaries extends Construct {

    /** The canary script: one HTTPS GET of HEALTH_URL; any status outside 2xx fails the run. */
    static final String SCRIPT = String.join("\n",
            "const { URL } = require('url');",
            "const synthetics = require('Synthetics');",
            "const log = require('SyntheticsLogger');",
            "exports.handler = async () => {",
            "  const url = new URL(process.env.HEALTH_URL);",
            "  const request = { hostname: url.hostname, method: 'GET', path: url.pathname + url.search,",
            "    port: url.port || 443, protocol: url.protocol,",
            "    headers: { 'User-Agent': synthetics.getCanaryUserAgentString() } };",
            "  const validate = async (res) => new Promise((resolve, reject) => {",
            "    if (res.statusCode < 200 || res.statusCode > 299) {",
            "      reject(new Error(url.href + ' answered ' + res.statusCode + ' ' + res.statusMessage));",
            "      return;",
            "    }",
            "    res.on('data', () => {});",
            "    res.on('end', () => { log.info('healthy: ' + res.statusCode); resolve(); });",
            "  });",
            "  await synthetics.executeHttpStep('health', request, validate,",
            "    { includeRequestHeaders: false, includeResponseHeaders: false, includeResponseBody: false });",
            "};",
            "");

    private final List<Canary> canaries = new ArrayList<>();
    private final List<BaselineAlarm> alarms = new ArrayList<>();
    private final CanaryInfrastructure infrastructure;

    public HealthCanaries(Construct scope, String id, HealthCanariesProps props) {
        super(scope, id);
        infrastructure = props.infrastructure() != null ? props.infrastructure()
                : new CanaryInfrastructure(this, "Shared", props.options().names(), props.encryptionKey(),
                        props.artifactRetentionDays(), props.removalPolicy());
        ArtifactBucket bucket = infrastructure.artifactBucket();
        IRole role = infrastructure.role();

        for (HealthCanariesProps.HealthCheck check : props.checks()) {
            String name = props.options().names().name(check.resourceName(), "health");
            Canary canary = Canary.Builder.create(this, check.resourceName())
                    .canaryName(name)
                    .runtime(props.runtime())
                    .test(infrastructure.test(SCRIPT))
                    .environmentVariables(Map.of("HEALTH_URL", check.url()))
                    .schedule(infrastructure.everyMinutes(props.rateMinutes()))
                    .role(role)
                    .artifactsBucketLocation(ArtifactsBucketLocation.builder().bucket(bucket.bucket())
                            .prefix(check.resourceName()).build())
                    .successRetentionPeriod(infrastructure.days(props.artifactRetentionDays()))
                    .failureRetentionPeriod(infrastructure.days(props.artifactRetentionDays()))
                    .timeout(infrastructure.seconds(60))
                    // a removed service's canary takes its Lambda function and layers with it
                    .provisionedResourceCleanup(true)
                    .build();
            // KMS artifacts set on the L1: the L2 option would add an inline key grant to the role,
            // which the managed policy above already covers.
            ((CfnCanary) canary.getNode().getDefaultChild()).setArtifactConfig(CfnCanary.ArtifactConfigProperty.builder()
                    .s3Encryption(CfnCanary.S3EncryptionProperty.builder()
                            .encryptionMode("SSE_KMS").kmsKeyArn(infrastructure.keyArn()).build())
                    .build());
            canaries.add(canary);
            Map<String, String> dims = new LinkedHashMap<>();
            dims.put("CanaryName", name);
            AlarmFactory factory = new AlarmFactory(canary, check.overrides() == null ? props.options()
                    : props.options().withOverrides(check.overrides()));
            alarms.addAll(factory.create(check.resourceName(), dims, CanarySignals.forRate(props.rateMinutes())));
        }
    }

    public List<Canary> canaries() {
        return List.copyOf(canaries);
    }

    public List<BaselineAlarm> alarms() {
        return List.copyOf(alarms);
    }

    /** The key, bucket and role the canaries use (shared or their own). */
    public CanaryInfrastructure infrastructure() {
        return infrastructure;
    }
}
