package io.github.opsbaseline.security;

import io.github.opsbaseline.core.ResourceNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/** IAM Access Analyzer (on by default) and Shield Advanced (opt-in). */
class AccountProtectionTest {

    @Test
    void accessAnalyzerIsOnAndShieldOffByDefault() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::AccessAnalyzer::Analyzer", Map.of("Type", "ACCOUNT",
                "AnalyzerName", "django-ms-prod-access-analyzer"));
        t.resourceCountIs("AWS::Shield::Protection", 0);
    }

    @Test
    void shieldProtectsEachLoadBalancerWhenOptedIn() {
        Stack stack = new Stack(new App(), "shield");
        String arn = "arn:aws:elasticloadbalancing:ap-southeast-1:777788889999:loadbalancer/app/web/3c4d5e6f7a8b9c0d";
        new ShieldProtection(stack, "Shield", new ResourceNames("shop", "prod"), List.of(arn));
        Template.fromStack(stack).hasResourceProperties("AWS::Shield::Protection",
                Map.of("Name", "shop-prod-shield-web", "ResourceArn", arn));
    }
}
