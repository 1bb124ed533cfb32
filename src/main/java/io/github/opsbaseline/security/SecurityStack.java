package io.github.opsbaseline.security;

import io.github.opsbaseline.config.SecurityConfig;
import io.github.opsbaseline.core.ResourceNames;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * The security baseline of one environment: web firewall, GuardDuty, the audit trail with the CIS
 * alarms, AWS Config with the compliance list's rules, VPC Flow Logs, Security Hub, IAM Access
 * Analyzer and Shield Advanced, each switched by {@link SecurityConfig}. Stateful resources have
 * fixed construct ids, so their logical ids never change with the config.
 */
public class SecurityStack extends Stack {

    private final WebFirewall webFirewall;
    private final AuditTrail auditTrail;

    public SecurityStack(Construct scope, String id, SecurityStackProps props) {
        super(scope, id, props.stack());
        SecurityConfig sec = props.security();
        ResourceNames names = props.names();

        Key logsKey = LogEncryptionKey.create(this, "LogsKey", names.name("security-logs"), props.removalPolicy());
        boolean needsBuckets = sec.cloudTrail().enabled() || (sec.config().enabled() && sec.config().createRecorder())
                || (sec.flowLogs().enabled() && sec.flowLogs().s3() && !props.vpcs().isEmpty());
        Bucket accessLogs = needsBuckets ? SecureBucket.accessLogs(this, "AccessLogsBucket", logsKey, 365, props.removalPolicy()) : null;

        webFirewall = sec.waf().enabled() ? new WebFirewall(this, "WebFirewall", new WebFirewallProps(names,
                props.alertTopics(), props.loadBalancerArns(), sec.waf(), logsKey, props.removalPolicy())) : null;
        if (sec.guardDuty().enabled()) {
            new ThreatDetection(this, "ThreatDetection", new ThreatDetection.Props(names, props.alertTopics(), sec.guardDuty()));
        }
        if (sec.cloudTrail().enabled()) {
            auditTrail = new AuditTrail(this, "AuditTrail", new AuditTrail.Props(names, sec.cloudTrail(), accessLogs,
                    logsKey, props.removalPolicy()));
            if (sec.cloudTrail().cisAlarms()) {
                new CisAlarms(this, "CisAlarms", new CisAlarms.Props(names, props.alertTopics(), auditTrail.logGroup(), null));
            }
        } else {
            auditTrail = null;
        }
        if (sec.config().enabled()) {
            new ConfigCompliance(this, "ConfigCompliance", new ConfigCompliance.Props(names, props.alertTopics(),
                    props.compliance(), sec.config(), accessLogs, logsKey,
                    props.removalPolicy(), sec.securityHub().enabled()));
        }
        if (sec.flowLogs().enabled() && !props.vpcs().isEmpty()) {
            Bucket flowBucket = sec.flowLogs().s3() ? SecureBucket.logArchive(this, "FlowLogsBucket", logsKey, accessLogs,
                    "flow-logs/", null, sec.flowLogs().expireAfterDays(), props.removalPolicy()) : null;
            new VpcFlowLogs(this, "FlowLogs", new VpcFlowLogs.Props(names, props.alertTopics(), props.vpcs(),
                    sec.flowLogs(), logsKey, flowBucket, props.removalPolicy()));
        }
        if (sec.securityHub().enabled()) {
            new SecurityHubFindings(this, "SecurityHub", new SecurityHubFindings.Props(names, props.alertTopics(),
                    props.compliance(), sec.securityHub().createHub(), sec.securityHub().manageStandards()));
        }
        if (sec.accessAnalyzer()) {
            new AccessAnalyzer(this, "AccessAnalyzer", names);
        }
        if (sec.shieldAdvanced() && !props.loadBalancerArns().isEmpty()) {
            new ShieldProtection(this, "ShieldAdvanced", names, props.loadBalancerArns());
        }
    }

    /** The web firewall, or null when disabled. */
    public WebFirewall webFirewall() {
        return webFirewall;
    }

    /** The audit trail, or null when disabled. */
    public AuditTrail auditTrail() {
        return auditTrail;
    }
}
