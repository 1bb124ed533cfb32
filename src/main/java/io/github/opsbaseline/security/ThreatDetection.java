package io.github.opsbaseline.security;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.config.SecurityConfig;
import io.github.opsbaseline.core.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.IRuleTarget;
import software.amazon.awscdk.services.guardduty.CfnDetector;
import software.constructs.Construct;

/**
 * GuardDuty: a detector whose protection plans are {@code Features} (never the legacy
 * {@code DataSources}), each switchable, and EventBridge rules that route findings by numeric
 * severity: high and critical (7 and above) to the critical topic, medium (4 to below 7) to warning.
 * With {@code createDetector=false} only the rules are created (one detector per account and region).
 */
public class ThreatDetection extends Construct {

    /**
     * Props of {@link ThreatDetection}.
     *
     * @param names naming scheme; required
     * @param alertTopics where findings go; required
     * @param settings plans and frequency; default {@link SecurityConfig.GuardDuty#defaults()}
     */
    public record Props(ResourceNames names, IAlertTopics alertTopics, SecurityConfig.GuardDuty settings) {
        public Props {
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alertTopics, "alertTopics");
            settings = settings == null ? SecurityConfig.GuardDuty.defaults() : settings;
        }
    }

    private final CfnDetector detector;

    public ThreatDetection(Construct scope, String id, Props props) {
        super(scope, id);
        SecurityConfig.GuardDuty gd = props.settings();
        if (gd.createDetector()) {
            List<CfnDetector.CFNFeatureConfigurationProperty> features = new ArrayList<>();
            features.add(feature("S3_DATA_EVENTS", gd.s3DataEvents(), null));
            features.add(feature("EKS_AUDIT_LOGS", gd.eksAuditLogs(), null));
            features.add(feature("EBS_MALWARE_PROTECTION", gd.ebsMalwareProtection(), null));
            features.add(feature("RDS_LOGIN_EVENTS", gd.rdsLoginEvents(), null));
            features.add(feature("RUNTIME_MONITORING", gd.runtimeMonitoring(), "ECS_FARGATE_AGENT_MANAGEMENT"));
            features.add(feature("LAMBDA_NETWORK_LOGS", gd.lambdaNetworkLogs(), null));
            detector = CfnDetector.Builder.create(this, "Detector")
                    .enable(true)
                    .findingPublishingFrequency(gd.findingPublishingFrequency().name())
                    .features(features)
                    .build();
        } else {
            detector = null;
        }
        route(props.names(), "high", "GuardDuty findings of high or critical severity (7.0 and above)",
                List.of(Map.of("numeric", List.of(">=", 7))), props.alertTopics().eventTarget(Severity.CRITICAL, null));
        route(props.names(), "medium", "GuardDuty findings of medium severity (4.0 to below 7.0)",
                List.of(Map.of("numeric", List.of(">=", 4, "<", 7))), props.alertTopics().eventTarget(Severity.WARNING, null));
    }

    /** The detector, or null when an existing one is used. */
    public CfnDetector detector() {
        return detector;
    }

    private void route(ResourceNames names, String level, String description, List<Object> severity, IRuleTarget target) {
        Rule rule = Rule.Builder.create(this, "Findings-" + level)
                .ruleName(names.name("guardduty", level))
                .description(description)
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.guardduty"))
                        .detailType(List.of("GuardDuty Finding"))
                        .detail(Map.of("severity", severity))
                        .build())
                .build();
        rule.addTarget(target);
    }

    private static CfnDetector.CFNFeatureConfigurationProperty feature(String name, boolean on, String agent) {
        String status = on ? "ENABLED" : "DISABLED";
        CfnDetector.CFNFeatureConfigurationProperty.Builder f = CfnDetector.CFNFeatureConfigurationProperty.builder()
                .name(name).status(status);
        if (agent != null) {
            f.additionalConfiguration(List.of(CfnDetector.CFNFeatureAdditionalConfigurationProperty.builder()
                    .name(agent).status(status).build()));
        }
        return f.build();
    }
}
