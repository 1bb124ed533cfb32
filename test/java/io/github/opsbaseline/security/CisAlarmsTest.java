package io.github.opsbaseline.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class CisAlarmsTest {

    /**
     * AWS's filter patterns, copied by hand from the Security Hub user guide ("Amazon CloudWatch
     * controls", awsdocs/aws-security-hub-user-guide doc_source/cloudwatch-controls.md) and CIS 4.15;
     * the template must carry exactly these strings.
     */
    static final Map<String, String> AWS_PATTERNS = new LinkedHashMap<>();

    static {
        AWS_PATTERNS.put("RootAccountUsage", "{$.userIdentity.type=\"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !=\"AwsServiceEvent\"}");
        AWS_PATTERNS.put("UnauthorizedAPICalls", "{($.errorCode=\"*UnauthorizedOperation\") || ($.errorCode=\"AccessDenied*\")}");
        AWS_PATTERNS.put("ConsoleSigninWithoutMFA", "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }");
        AWS_PATTERNS.put("IAMPolicyChanges", "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}");
        AWS_PATTERNS.put("CloudTrailChanges", "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}");
        AWS_PATTERNS.put("ConsoleAuthenticationFailure", "{($.eventName=ConsoleLogin) && ($.errorMessage=\"Failed authentication\")}");
        AWS_PATTERNS.put("DisableOrDeleteCMK", "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}");
        AWS_PATTERNS.put("S3BucketPolicyChanges", "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}");
        AWS_PATTERNS.put("AWSConfigChanges", "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}");
        AWS_PATTERNS.put("SecurityGroupChanges", "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}");
        AWS_PATTERNS.put("NetworkACLChanges", "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}");
        AWS_PATTERNS.put("NetworkGatewayChanges", "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}");
        AWS_PATTERNS.put("RouteTableChanges", "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}");
        AWS_PATTERNS.put("VPCChanges", "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}");
        AWS_PATTERNS.put("OrganizationsChanges", "{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = \"AcceptHandshake\") || ($.eventName = \"AttachPolicy\") || ($.eventName = \"CreateAccount\") || ($.eventName = \"CreateOrganizationalUnit\") || ($.eventName = \"CreatePolicy\") || ($.eventName = \"DeclineHandshake\") || ($.eventName = \"DeleteOrganization\") || ($.eventName = \"DeleteOrganizationalUnit\") || ($.eventName = \"DeletePolicy\") || ($.eventName = \"DetachPolicy\") || ($.eventName = \"DisablePolicyType\") || ($.eventName = \"EnablePolicyType\") || ($.eventName = \"InviteAccountToOrganization\") || ($.eventName = \"LeaveOrganization\") || ($.eventName = \"MoveAccount\") || ($.eventName = \"RemoveAccountFromOrganization\") || ($.eventName = \"UpdatePolicy\") || ($.eventName = \"UpdateOrganizationalUnit\")) }");
    }

    @Test
    void tableCoversCloudWatch1To14AndCis415() {
        assertThat(CisControl.values()).hasSize(15);
        for (int i = 1; i <= 14; i++) {
            assertThat(CisControl.values()[i - 1].securityHubControl()).isEqualTo("CloudWatch." + i);
        }
    }

    @Test
    void everyPatternIsAwsVerbatimInTheTemplate() {
        Template t = SecurityTemplates.of("prod");
        t.resourceCountIs("AWS::Logs::MetricFilter", 15 + 1);
        for (CisControl c : CisControl.values()) {
            assertThat(c.filterPattern()).as(c.metricName()).isEqualTo(AWS_PATTERNS.get(c.metricName()));
            t.hasResourceProperties("AWS::Logs::MetricFilter", Map.of(
                    "FilterPattern", AWS_PATTERNS.get(c.metricName()),
                    "MetricTransformations", List.of(Map.of("MetricNamespace", "LogMetrics",
                            "MetricName", c.metricName(), "MetricValue", "1"))));
        }
    }

    @Test
    void eachAlarmGoesToItsSeverityTopicAndExplainsItself() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "django-ms-prod-cis-root-usage-critical",
                "Namespace", "LogMetrics", "MetricName", "RootAccountUsage", "Threshold", 1,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "AlarmDescription", Match.stringLikeRegexp("^\\[CloudWatch.1 / CIS 1.7/4.3\\] The root user was used.*Check first"),
                "AlarmActions", List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp("Critical"))),
                "OKActions", List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp("Critical"))))));
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "AlarmName", "django-ms-prod-cis-security-group-changes-warning",
                "AlarmActions", List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp("Warning"))))));
    }
}
