package io.github.opsbaseline.security;

import io.github.opsbaseline.alerting.Severity;

/**
 * The CIS AWS Foundations metric filters that Security Hub checks as controls CloudWatch.1 to
 * CloudWatch.14, plus CIS 4.15 (AWS Organizations changes, no Security Hub control). The patterns
 * are AWS's, character for character: Security Hub credits no other pattern, not even one with
 * different spacing. Source: Security Hub user guide, "Amazon CloudWatch controls"
 * (awsdocs/aws-security-hub-user-guide doc_source/cloudwatch-controls.md) and the CIS AWS
 * Foundations Benchmark 1.5+ recommendation 4.15.
 *
 * <p>Severity routing: what only an administrator should ever do, or what removes the audit trail
 * itself, pages (critical); everyday network and policy changes are reviewed the same day (warning).
 */
public enum CisControl {
    ROOT_USAGE("CloudWatch.1", "1.7/4.3", "RootAccountUsage", "root-usage", Severity.CRITICAL,
            "{$.userIdentity.type=\"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !=\"AwsServiceEvent\"}",
            "The root user was used. Nobody should need it day to day. Check first in CloudTrail who signed in"
                    + " (sourceIPAddress, userAgent) and whether a planned root-only task was announced."),
    UNAUTHORIZED_API_CALLS("CloudWatch.2", "3.1", "UnauthorizedAPICalls", "unauthorized-api-calls", Severity.WARNING,
            "{($.errorCode=\"*UnauthorizedOperation\") || ($.errorCode=\"AccessDenied*\")}",
            "An API call was denied. Usually a role missing a permission after a deploy; repeated denials from one"
                    + " principal can be someone probing. Check first the principal and eventName in CloudTrail."),
    CONSOLE_WITHOUT_MFA("CloudWatch.3", "3.2", "ConsoleSigninWithoutMFA", "console-signin-without-mfa",
            Severity.CRITICAL,
            "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }",
            "An IAM user signed in to the console without MFA. Check first which user, from where, and enforce MFA"
                    + " on that user before anything else."),
    IAM_POLICY_CHANGES("CloudWatch.4", "4.4", "IAMPolicyChanges", "iam-policy-changes", Severity.WARNING,
            "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}",
            "An IAM policy was changed. Expected during deployments; otherwise check first who changed which"
                    + " policy and whether it grants more than before."),
    CLOUDTRAIL_CHANGES("CloudWatch.5", "4.5", "CloudTrailChanges", "cloudtrail-changes", Severity.CRITICAL,
            "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}",
            "A CloudTrail trail was created, changed, stopped or deleted: the audit record itself may be at risk."
                    + " Check first that the baseline trail still logs (StopLogging, DeleteTrail) and who called it."),
    CONSOLE_AUTH_FAILURES("CloudWatch.6", "4.6", "ConsoleAuthenticationFailure", "console-auth-failures",
            Severity.WARNING,
            "{($.eventName=ConsoleLogin) && ($.errorMessage=\"Failed authentication\")}",
            "A console sign-in failed. One is a typo; many from one address is a brute-force attempt. Check first"
                    + " the user name and sourceIPAddress in CloudTrail."),
    CMK_DISABLED_OR_DELETED("CloudWatch.7", "4.7", "DisableOrDeleteCMK", "kms-key-disabled-or-deleted",
            Severity.CRITICAL,
            "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",
            "A customer managed KMS key was disabled or scheduled for deletion; data encrypted with it becomes"
                    + " unreadable. Check first which key and cancel the deletion (CancelKeyDeletion) if unplanned."),
    S3_BUCKET_POLICY_CHANGES("CloudWatch.8", "4.8", "S3BucketPolicyChanges", "s3-bucket-policy-changes",
            Severity.WARNING,
            "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}",
            "An S3 bucket policy, ACL, CORS, lifecycle or replication setting changed. Check first which bucket and"
                    + " whether the change opens it to other accounts or the public."),
    CONFIG_CHANGES("CloudWatch.9", "4.9", "AWSConfigChanges", "config-changes", Severity.CRITICAL,
            "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}",
            "The AWS Config recorder or delivery channel changed or stopped: compliance evidence may stop. Check"
                    + " first that the recorder still records (describe-configuration-recorder-status)."),
    SECURITY_GROUP_CHANGES("CloudWatch.10", "4.10", "SecurityGroupChanges", "security-group-changes",
            Severity.WARNING,
            "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}",
            "A security group was created, deleted or had a rule changed. Check first for new ingress from"
                    + " 0.0.0.0/0 and who made the change."),
    NACL_CHANGES("CloudWatch.11", "4.11", "NetworkACLChanges", "nacl-changes", Severity.WARNING,
            "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}",
            "A network ACL changed. Check first which subnet's ACL and whether it now allows traffic it did not."),
    NETWORK_GATEWAY_CHANGES("CloudWatch.12", "4.12", "NetworkGatewayChanges", "network-gateway-changes",
            Severity.WARNING,
            "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}",
            "An internet or customer gateway changed: the VPC's way in or out. Check first which VPC and who did it."),
    ROUTE_TABLE_CHANGES("CloudWatch.13", "4.13", "RouteTableChanges", "route-table-changes", Severity.WARNING,
            "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}",
            "A route table changed. Check first for new routes to gateways or peers that bypass the expected path."),
    VPC_CHANGES("CloudWatch.14", "4.14", "VPCChanges", "vpc-changes", Severity.WARNING,
            "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}",
            "A VPC or peering connection was created, deleted or changed. Check first whether a new peering links"
                    + " this network to one outside the baseline's flow logs."),
    ORGANIZATIONS_CHANGES("CIS 4.15", "4.15", "OrganizationsChanges", "organizations-changes", Severity.CRITICAL,
            "{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = \"AcceptHandshake\") || ($.eventName = \"AttachPolicy\") || ($.eventName = \"CreateAccount\") || ($.eventName = \"CreateOrganizationalUnit\") || ($.eventName = \"CreatePolicy\") || ($.eventName = \"DeclineHandshake\") || ($.eventName = \"DeleteOrganization\") || ($.eventName = \"DeleteOrganizationalUnit\") || ($.eventName = \"DeletePolicy\") || ($.eventName = \"DetachPolicy\") || ($.eventName = \"DisablePolicyType\") || ($.eventName = \"EnablePolicyType\") || ($.eventName = \"InviteAccountToOrganization\") || ($.eventName = \"LeaveOrganization\") || ($.eventName = \"MoveAccount\") || ($.eventName = \"RemoveAccountFromOrganization\") || ($.eventName = \"UpdatePolicy\") || ($.eventName = \"UpdateOrganizationalUnit\")) }",
            "AWS Organizations changed (accounts, OUs, SCPs, handshakes): guardrails of every account may have"
                    + " moved. Check first the eventName and who called it; SCP detach or LeaveOrganization is urgent.");

    /** CloudWatch namespace the Security Hub guide uses for all CIS metrics. */
    public static final String NAMESPACE = "LogMetrics";

    private final String securityHubControl;
    private final String cisRecommendation;
    private final String metricName;
    private final String signal;
    private final Severity severity;
    private final String filterPattern;
    private final String description;

    CisControl(String securityHubControl, String cisRecommendation, String metricName, String signal,
               Severity severity, String filterPattern, String description) {
        this.securityHubControl = securityHubControl;
        this.cisRecommendation = cisRecommendation;
        this.metricName = metricName;
        this.signal = signal;
        this.severity = severity;
        this.filterPattern = filterPattern;
        this.description = description;
    }

    public String securityHubControl() {
        return securityHubControl;
    }

    public String cisRecommendation() {
        return cisRecommendation;
    }

    public String metricName() {
        return metricName;
    }

    public String signal() {
        return signal;
    }

    public Severity severity() {
        return severity;
    }

    /** AWS's exact filter pattern. */
    public String filterPattern() {
        return filterPattern;
    }

    public String description() {
        return description;
    }
}
