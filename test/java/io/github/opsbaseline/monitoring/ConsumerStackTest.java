package io.github.opsbaseline.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.config.WorkloadConfig.DatabaseEngine;
import io.github.opsbaseline.monitoring.alarm.AlarmOptions;
import io.github.opsbaseline.monitoring.cache.CacheAlarms;
import io.github.opsbaseline.monitoring.cache.CacheAlarmsProps;
import io.github.opsbaseline.monitoring.database.DatabaseAlarms;
import io.github.opsbaseline.monitoring.database.DatabaseAlarmsProps;
import io.github.opsbaseline.monitoring.ecs.EcsServiceAlarms;
import io.github.opsbaseline.monitoring.ecs.EcsServiceAlarmsProps;
import io.github.opsbaseline.monitoring.loadbalancer.LoadBalancerAlarms;
import io.github.opsbaseline.monitoring.loadbalancer.LoadBalancerAlarmsProps;
import io.github.opsbaseline.monitoring.loadbalancer.TargetGroupAlarms;
import io.github.opsbaseline.monitoring.loadbalancer.TargetGroupAlarmsProps;
import io.github.opsbaseline.monitoring.logs.ServiceLogs;
import io.github.opsbaseline.monitoring.logs.ServiceLogsProps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.InstanceClass;
import software.amazon.awscdk.services.ec2.InstanceSize;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;

/**
 * Another team's stack with real L2 resources (VPC, cluster, Fargate service, ALB and target group,
 * RDS instance, Redis replication group) attaching the monitoring constructs; every alarm's
 * dimensions must point at those resources.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerStackTest {

    private Template template;
    private Map<String, Object> json;

    @BeforeAll
    void synth() {
        // GIVEN a consumer stack with its own workload
        Stack stack = MonitoringFixtures.stack();
        Vpc vpc = Vpc.Builder.create(stack, "Vpc").maxAzs(2).natGateways(1).build();
        Cluster cluster = Cluster.Builder.create(stack, "Cluster").vpc(vpc)
                .containerInsightsV2(ContainerInsights.ENABLED).build();
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(stack, "Task").build();
        task.addContainer("app", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromRegistry("public.ecr.aws/nginx/nginx:1.27"))
                .portMappings(List.of(PortMapping.builder().containerPort(80).build())).build());
        FargateService service = FargateService.Builder.create(stack, "Service").cluster(cluster).taskDefinition(task).build();
        ApplicationLoadBalancer alb = ApplicationLoadBalancer.Builder.create(stack, "Alb").vpc(vpc).internetFacing(true).build();
        ApplicationTargetGroup tg = alb.addListener("Http", software.amazon.awscdk.services.elasticloadbalancingv2
                .BaseApplicationListenerProps.builder().port(80).protocol(ApplicationProtocol.HTTP).build())
                .addTargets("Api", AddApplicationTargetsProps.builder().port(80).targets(List.of(service)).build());
        DatabaseInstance db = DatabaseInstance.Builder.create(stack, "Db")
                .engine(DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder()
                        .version(PostgresEngineVersion.VER_16).build()))
                .instanceType(InstanceType.of(InstanceClass.T4G, InstanceSize.MEDIUM)).vpc(vpc).build();
        CfnReplicationGroup redis = CfnReplicationGroup.Builder.create(stack, "Redis")
                .replicationGroupDescription("sessions").engine("redis").cacheNodeType("cache.t4g.small")
                .numCacheClusters(2).build();
        LogGroup logs = LogGroup.Builder.create(stack, "ApiLogs").build();

        // WHEN the monitoring constructs are attached to those objects
        AlarmOptions options = MonitoringFixtures.options(stack);
        new EcsServiceAlarms(stack, "ApiAlarms", EcsServiceAlarmsProps.forService(options, "api", service));
        new TargetGroupAlarms(stack, "ApiTargetAlarms", TargetGroupAlarmsProps.forTargetGroup(options, "api", tg));
        new LoadBalancerAlarms(stack, "AlbAlarms", LoadBalancerAlarmsProps.forLoadBalancer(options, "alb", alb));
        new DatabaseAlarms(stack, "DbAlarms", DatabaseAlarmsProps.forInstance(options, "db", db, DatabaseEngine.POSTGRES,
                4.0, 400, 100, false));
        new CacheAlarms(stack, "RedisAlarms", CacheAlarmsProps.forReplicationGroup(options, "cache", redis));
        new ServiceLogs(stack, "ApiLogFilters", ServiceLogsProps.forLogGroup(options, "api", logs));
        template = Template.fromStack(stack);
        json = template.toJSON();
    }

    private String logicalId(String type, String prefix) {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) json.get("Resources");
        return resources.entrySet().stream().filter(e -> e.getValue().get("Type").equals(type) && e.getKey().startsWith(prefix))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    @Test
    void serviceAlarmsPointAtTheClusterAndTheService() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-api-cpu-critical",
                "Dimensions", List.of(
                        Map.of("Name", "ClusterName", "Value", Map.of("Ref", logicalId("AWS::ECS::Cluster", "Cluster"))),
                        Map.of("Name", "ServiceName", "Value", Map.of("Fn::GetAtt",
                                List.of(logicalId("AWS::ECS::Service", "Service"), "Name"))))));
    }

    @Test
    void targetGroupAndLoadBalancerAlarmsUseTheirFullNames() {
        String lb = logicalId("AWS::ElasticLoadBalancingV2::LoadBalancer", "Alb");
        String tgId = logicalId("AWS::ElasticLoadBalancingV2::TargetGroup", "Alb");
        // The target group knows its load balancer through the listener: the dimension is derived from the listener ARN.
        Capture lbOfTargetGroup = new Capture();
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-api-unhealthy-hosts-critical",
                "Dimensions", List.of(
                        Map.of("Name", "LoadBalancer", "Value", lbOfTargetGroup),
                        Map.of("Name", "TargetGroup", "Value", Map.of("Fn::GetAtt", List.of(tgId, "TargetGroupFullName"))))));
        assertThat(lbOfTargetGroup.asObject().toString()).contains(logicalId("AWS::ElasticLoadBalancingV2::Listener", "Alb"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-alb-rejected-connections-warning",
                "Dimensions", List.of(Map.of("Name", "LoadBalancer",
                        "Value", Map.of("Fn::GetAtt", List.of(lb, "LoadBalancerFullName"))))));
    }

    @Test
    void databaseAlarmsPointAtTheInstance() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-db-cpu-critical",
                "Dimensions", List.of(Map.of("Name", "DBInstanceIdentifier",
                        "Value", Map.of("Ref", logicalId("AWS::RDS::DBInstance", "Db"))))));
    }

    @Test
    void cacheAlarmsPointAtEachNodeOfTheReplicationGroup() {
        Capture node = new Capture();
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-cache-002-engine-cpu-critical",
                "Dimensions", List.of(Map.of("Name", "CacheClusterId", "Value", node))));
        assertThat(node.asObject().toString()).contains(logicalId("AWS::ElastiCache::ReplicationGroup", "Redis")).contains("-002");
    }

    @Test
    void logFiltersAttachToTheTeamsLogGroupWithoutCreatingOne() {
        template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of("FilterName", "shop-test-api-log-errors",
                "LogGroupName", Map.of("Ref", logicalId("AWS::Logs::LogGroup", "ApiLogs"))));
        // the team's log group is the only one, and every filter reads it
        template.resourceCountIs("AWS::Logs::LogGroup", 1);
        template.resourceCountIs("AWS::Logs::MetricFilter", 5);
        template.allResourcesProperties("AWS::Logs::MetricFilter", Map.of(
                "LogGroupName", Map.of("Ref", logicalId("AWS::Logs::LogGroup", "ApiLogs"))));
    }
}
