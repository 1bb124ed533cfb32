package io.github.opsbaseline.security;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.config.ComplianceStandard;
import io.github.opsbaseline.core.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.securityhub.CfnHub;
import software.amazon.awscdk.services.securityhub.CfnStandard;
import software.constructs.Construct;

/**
 * Security Hub with the standards of the compliance list (AWS Foundational Security Best Practices
 * always; CIS 3.0.0, PCI DSS 3.2.1 and NIST 800-53 r5 when listed; HIPAA, SOC 2 and GDPR have no
 * Security Hub standard and rely on the Config rules), and NEW, ACTIVE findings labelled HIGH or
 * CRITICAL to the critical topic.
 */
public class SecurityHubFindings extends Construct {

    /**
     * Props of {@link SecurityHubFindings}.
     *
     * @param names naming scheme; required
     * @param alertTopics where findings go; required
     * @param standards the compliance list; default none (FSBP only)
     * @param createHub enable the hub here; false when already enabled; default true
     * @param manageStandards enable the standards here; false when a central configuration policy of
     *     the organization sets them; default true
     */
    public record Props(ResourceNames names, IAlertTopics alertTopics, List<ComplianceStandard> standards,
                        Boolean createHub, Boolean manageStandards) {
        public Props {
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alertTopics, "alertTopics");
            standards = standards == null ? List.of() : List.copyOf(standards);
            createHub = createHub == null || createHub;
            manageStandards = manageStandards == null || manageStandards;
        }

        /** Standards managed here. */
        public Props(ResourceNames names, IAlertTopics alertTopics, List<ComplianceStandard> standards, Boolean createHub) {
            this(names, alertTopics, standards, createHub, null);
        }
    }

    /** Security Hub standard ARN suffix per compliance standard (regional ARNs). */
    public static List<String> standardPaths(List<ComplianceStandard> standards) {
        List<String> paths = new ArrayList<>();
        paths.add("standards/aws-foundational-security-best-practices/v/1.0.0");
        if (standards.contains(ComplianceStandard.CIS)) {
            paths.add("standards/cis-aws-foundations-benchmark/v/3.0.0");
        }
        if (standards.contains(ComplianceStandard.PCI_DSS)) {
            paths.add("standards/pci-dss/v/3.2.1");
        }
        if (standards.contains(ComplianceStandard.NIST_800_53_R5)) {
            paths.add("standards/nist-800-53/v/5.0.0");
        }
        return paths;
    }

    public SecurityHubFindings(Construct scope, String id, Props props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        CfnHub hub = props.createHub() ? CfnHub.Builder.create(this, "Hub")
                .enableDefaultStandards(false).controlFindingGenerator("SECURITY_CONTROL").autoEnableControls(true)
                .build() : null;
        for (String path : props.manageStandards() ? standardPaths(props.standards()) : List.<String>of()) {
            String name = path.split("/")[1];
            CfnStandard standard = CfnStandard.Builder.create(this, "Standard-" + name)
                    .standardsArn("arn:" + stack.getPartition() + ":securityhub:" + stack.getRegion() + "::" + path)
                    .build();
            if (hub != null) {
                standard.addResourceDependency(hub);
            }
        }
        Rule rule = Rule.Builder.create(this, "HighFindingsRule")
                .ruleName(props.names().name("securityhub", "high"))
                .description("New, active Security Hub findings labelled HIGH or CRITICAL")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.securityhub"))
                        .detailType(List.of("Security Hub Findings - Imported"))
                        .detail(Map.of("findings", Cfn.map(
                                "Severity", Map.of("Label", List.of("HIGH", "CRITICAL")),
                                "Workflow", Map.of("Status", List.of("NEW")),
                                "RecordState", List.of("ACTIVE"))))
                        .build())
                .build();
        rule.addTarget(props.alertTopics().eventTarget(Severity.CRITICAL, null));
    }
}
