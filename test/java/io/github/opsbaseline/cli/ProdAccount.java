package io.github.opsbaseline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.opsbaseline.cli.FakeAws.Request;
import io.github.opsbaseline.cli.FakeAws.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The prod environment of {@code stacks-config/prod.json} (django-ms, 777788889999, ap-southeast-1,
 * DR in ap-southeast-2) as AWS would describe it at {@link #NOW}: an order-service deployment stuck
 * at one of three tasks with a critical alarm firing, everything else healthy. Response shapes
 * follow the services' API references (query-protocol XML, JSON 1.1, REST-JSON).
 */
final class ProdAccount implements Function<Request, Response> {

    static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ACCOUNT = "777788889999";
    static final String CLUSTER_ARN = "arn:aws:ecs:ap-southeast-1:" + ACCOUNT + ":cluster/django-ms-prod";
    static final String REQUEST_ID = "<ResponseMetadata><RequestId>5f0d9c1e-7b2a-4c3d-9e8f-0a1b2c3d4e5f</RequestId></ResponseMetadata>";

    private boolean criticalFiring = true;
    private boolean queriesNeverFinish;
    private boolean queriesTimeOut;
    private final Map<String, String> queryLogGroups = new ConcurrentHashMap<>();
    private final AtomicInteger queryIds = new AtomicInteger();
    private final AtomicInteger queriesRunning = new AtomicInteger();
    private final AtomicInteger mostQueriesRunning = new AtomicInteger();

    /** Only the warning alarm fires: the exit code is 0. */
    ProdAccount quiet() {
        criticalFiring = false;
        return this;
    }

    private final java.util.List<String> alsoFiring = new java.util.ArrayList<>();

    /** This critical alarm fires too (another environment's, say, which prod's name prefix finds). */
    ProdAccount withAlarmFiring(String name) {
        alsoFiring.add(name);
        return this;
    }

    /** The most Logs Insights queries started and not yet complete at any one time. */
    int mostQueriesRunning() {
        return mostQueriesRunning.get();
    }

    /** Logs Insights queries end Timeout (Logs Insights' own 60-minute limit). */
    ProdAccount queriesTimeOut() {
        queriesTimeOut = true;
        return this;
    }

    /** Logs Insights queries stay Running forever (the CLI must stop them). */
    ProdAccount slowQueries() {
        queriesNeverFinish = true;
        return this;
    }

    @Override
    public Response apply(Request r) {
        return switch (r.action()) {
            case "cloudwatch:DescribeAlarms" -> describeAlarms();
            case "cloudwatch:GetMetricData" -> getMetricData(r);
            case "ecs:DescribeServices" -> describeServices(r);
            case "elasticloadbalancing:DescribeTargetHealth" -> describeTargetHealth(r);
            case "rds:DescribeDBInstances" -> describeDbInstances(r);
            case "elasticache:DescribeReplicationGroups" -> describeReplicationGroups(r);
            case "guardduty:ListDetectors" -> Response.json("{\"detectorIds\":[\"8ac9a1e2b3c4d5e6f7a8b9c0d1e2f3a4\"]}");
            case "guardduty:GetFindingsStatistics" ->
                    Response.json("""
                            {"findingStatistics":{"groupedBySeverity":[
                              {"severity":8.0,"totalFindings":1,"lastGeneratedAt":1763860412.0},
                              {"severity":5.3,"totalFindings":2,"lastGeneratedAt":1763851101.0},
                              {"severity":5.0,"totalFindings":1,"lastGeneratedAt":1763790000.0},
                              {"severity":2.0,"totalFindings":6,"lastGeneratedAt":1763870001.0}]}}""");
            case "config:DescribeComplianceByConfigRule" -> Response.json("""
                    {"ComplianceByConfigRules":[
                      {"ConfigRuleName":"django-ms-prod-s3-bucket-logging-enabled","Compliance":{"ComplianceType":"NON_COMPLIANT",
                        "ComplianceContributorCount":{"CappedCount":2,"CapExceeded":false}}},
                      {"ConfigRuleName":"django-ms-prod-iam-user-unused-credentials-check","Compliance":{"ComplianceType":"NON_COMPLIANT",
                        "ComplianceContributorCount":{"CappedCount":1,"CapExceeded":false}}}]}""");
            case "backup:ListBackupJobs" -> listBackupJobs(r);
            case "backup:ListCopyJobs" -> listCopyJobs(r);
            case "backup:ListRecoveryPointsByBackupVault" -> listRecoveryPoints(r);
            case "logs:DescribeQueryDefinitions" -> describeQueryDefinitions();
            case "logs:StartQuery" -> startQuery(r);
            case "logs:GetQueryResults" -> getQueryResults(r);
            case "logs:StopQuery" -> Response.json("{\"success\":true}");
            case "ce:GetCostAndUsage" -> Response.json("""
                    {"GroupDefinitions":[],"ResultsByTime":[{"TimePeriod":{"Start":"2026-11-01","End":"2026-11-23"},
                      "Total":{"UnblendedCost":{"Amount":"1712.4381","Unit":"USD"}},"Groups":[],"Estimated":true}],
                     "DimensionValueAttributes":[]}""");
            case "ce:GetCostForecast" -> Response.json("""
                    {"Total":{"Amount":"633.1702","Unit":"USD"},"ForecastResultsByTime":[{"TimePeriod":
                      {"Start":"2026-11-23","End":"2026-12-01"},"MeanValue":"633.1702"}]}""");
            default -> null;
        };
    }

    private Response describeAlarms() {
        StringBuilder metric = new StringBuilder();
        StringBuilder composite = new StringBuilder();
        if (criticalFiring) {
            metric.append(metricAlarm("django-ms-prod-order-service-running-tasks-critical", "2026-11-23T04:41:07.512Z",
                    "Threshold Crossed: 5 out of the last 5 datapoints [66.66666666666667 (23/11/26 04:40:00), 66.66666666666667 (23/11/26 04:39:00), 66.66666666666667 (23/11/26 04:38:00), 66.66666666666667 (23/11/26 04:37:00), 66.66666666666667 (23/11/26 04:36:00)] were greater than the threshold (49.0) (minimum 5 datapoints for OK -> ALARM transition)."));
            composite.append("<member><AlarmName>django-ms-prod-order-service-service-down-critical</AlarmName>"
                    + "<AlarmArn>arn:aws:cloudwatch:ap-southeast-1:" + ACCOUNT + ":alarm:django-ms-prod-order-service-service-down-critical</AlarmArn>"
                    + "<AlarmRule>ALARM(\"django-ms-prod-order-service-unhealthy-hosts-critical\") AND ALARM(\"django-ms-prod-order-service-5xx-rate-critical\")</AlarmRule>"
                    + "<StateValue>ALARM</StateValue><StateReason>arn:aws:cloudwatch:ap-southeast-1:" + ACCOUNT
                    + ":alarm:django-ms-prod-order-service-unhealthy-hosts-critical transitioned to ALARM at Monday 23 November, 2026 04:44:51 UTC</StateReason>"
                    // a child changing later moves StateUpdatedTimestamp, not the time it went into ALARM
                    + "<StateUpdatedTimestamp>2026-11-23T04:58:40.004Z</StateUpdatedTimestamp>"
                    + "<StateTransitionedTimestamp>2026-11-23T04:45:02.118Z</StateTransitionedTimestamp>"
                    + "<ActionsEnabled>true</ActionsEnabled></member>");
        }
        for (String name : alsoFiring) {
            metric.append(metricAlarm(name, "2026-11-23T04:50:00.000Z",
                    "Threshold Crossed: 2 datapoints [95.0 (23/11/26 04:45:00), 94.1 (23/11/26 04:40:00)] were greater than the threshold (90.0)."));
        }
        metric.append(metricAlarm("django-ms-prod-db-main-cpu-warning", "2026-11-23T04:32:15.004Z",
                "Threshold Crossed: 3 datapoints [81.2 (23/11/26 04:30:00), 80.4 (23/11/26 04:25:00), 79.9 (23/11/26 04:20:00)] were greater than or equal to the threshold (75.0)."));
        return Response.xml("<DescribeAlarmsResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><DescribeAlarmsResult>"
                + "<MetricAlarms>" + metric + "</MetricAlarms><CompositeAlarms>" + composite + "</CompositeAlarms>"
                + "</DescribeAlarmsResult>" + REQUEST_ID + "</DescribeAlarmsResponse>");
    }

    private static String metricAlarm(String name, String since, String reason) {
        return "<member><AlarmName>" + name + "</AlarmName><AlarmArn>arn:aws:cloudwatch:ap-southeast-1:" + ACCOUNT + ":alarm:" + name
                + "</AlarmArn><StateValue>ALARM</StateValue><StateReason>" + reason + "</StateReason><StateUpdatedTimestamp>"
                + since + "</StateUpdatedTimestamp><Namespace>AWS/ECS</Namespace><ActionsEnabled>true</ActionsEnabled></member>";
    }

    /** Latest-first datapoints per metric and its first dimension's value. */
    private static final Map<String, List<Double>> METRICS = new LinkedHashMap<>();

    static {
        double gib = 1024.0 * 1024 * 1024;
        METRICS.put("CPUUtilization/django-ms-prod-db", List.of(41.37, 39.8));
        METRICS.put("FreeableMemory/django-ms-prod-db", List.of(6.2 * gib));
        METRICS.put("DatabaseConnections/django-ms-prod-db", List.of(312.0));
        METRICS.put("FreeStorageSpace/django-ms-prod-db", List.of(142.6 * gib));
        METRICS.put("CPUUtilization/django-ms-prod-db-replica", List.of(23.91));
        METRICS.put("FreeableMemory/django-ms-prod-db-replica", List.of(9.1 * gib));
        METRICS.put("DatabaseConnections/django-ms-prod-db-replica", List.of(87.0));
        METRICS.put("FreeStorageSpace/django-ms-prod-db-replica", List.of(151.2 * gib));
        String[] nodes = {"django-ms-prod-redis-001", "django-ms-prod-redis-002", "django-ms-prod-redis-003"};
        double[][] cache = {{12.4, 58.2, 140}, {8.1, 57.9, 96}, {7.9, 57.9, 95}};
        for (int i = 0; i < nodes.length; i++) {
            METRICS.put("EngineCPUUtilization/" + nodes[i], List.of(cache[i][0]));
            METRICS.put("DatabaseMemoryUsagePercentage/" + nodes[i], List.of(cache[i][1]));
            METRICS.put("CurrConnections/" + nodes[i], List.of(cache[i][2]));
        }
        METRICS.put("BlockedRequests/django-ms-prod-web-acl", List.of(12.0, 9.0, 31.0, 7.0, 140.0, 8.0, 11.0, 10.0, 6.0, 9.0, 13.0, 7.0));
    }

    private static Response getMetricData(Request r) {
        StringBuilder results = new StringBuilder();
        for (int i = 1; r.form().containsKey("MetricDataQueries.member." + i + ".Id"); i++) {
            String q = "MetricDataQueries.member." + i + ".";
            String id = r.form().get(q + "Id");
            String metric = r.form().get(q + "MetricStat.Metric.MetricName");
            String dim = r.form().get(q + "MetricStat.Metric.Dimensions.member.1.Value");
            List<Double> values = METRICS.getOrDefault(metric + "/" + dim, List.of());
            StringBuilder ts = new StringBuilder();
            StringBuilder vs = new StringBuilder();
            for (int v = 0; v < values.size(); v++) {
                ts.append("<member>").append(NOW.minusSeconds(300L * (v + 1))).append("</member>");
                vs.append("<member>").append(values.get(v)).append("</member>");
            }
            results.append("<member><Id>").append(id).append("</Id><Label>").append(metric).append("</Label><Timestamps>")
                    .append(ts).append("</Timestamps><Values>").append(vs).append("</Values><StatusCode>Complete</StatusCode></member>");
        }
        return Response.xml("<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><GetMetricDataResult>"
                + "<MetricDataResults>" + results + "</MetricDataResults><Messages/></GetMetricDataResult>" + REQUEST_ID
                + "</GetMetricDataResponse>");
    }

    /** name: desired, running, pending, rollout state. */
    private static final Map<String, Object[]> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("django-ms-prod-api-gateway", new Object[] {4, 4, 0, "COMPLETED", "ECS deployment ecs-svc/4417394411 completed."});
        SERVICES.put("django-ms-prod-user-service", new Object[] {2, 2, 0, "COMPLETED", "ECS deployment ecs-svc/5120945581 completed."});
        SERVICES.put("django-ms-prod-product-service", new Object[] {2, 2, 0, "COMPLETED", "ECS deployment ecs-svc/6303399275 completed."});
        SERVICES.put("django-ms-prod-order-service", new Object[] {3, 1, 2, "IN_PROGRESS", "ECS deployment ecs-svc/7791032456 in progress."});
        SERVICES.put("django-ms-prod-notification-service", new Object[] {2, 2, 0, "COMPLETED", "ECS deployment ecs-svc/8824005513 completed."});
    }

    private static Response describeServices(Request r) {
        List<String> services = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (JsonNode name : r.json().path("services")) {
            Object[] s = SERVICES.get(name.asText());
            if (s == null) {
                failures.add("{\"arn\":\"arn:aws:ecs:ap-southeast-1:" + ACCOUNT + ":service/django-ms-prod/" + name.asText()
                        + "\",\"reason\":\"MISSING\"}");
                continue;
            }
            services.add(String.format(java.util.Locale.ROOT, """
                    {"serviceArn":"arn:aws:ecs:ap-southeast-1:%s:service/django-ms-prod/%s","serviceName":"%s","clusterArn":"%s",
                     "status":"ACTIVE","desiredCount":%d,"runningCount":%d,"pendingCount":%d,"launchType":"FARGATE",
                     "deployments":[{"id":"ecs-svc/%s","status":"PRIMARY","taskDefinition":"arn:aws:ecs:ap-southeast-1:%s:task-definition/%s:42",
                       "desiredCount":%d,"runningCount":%d,"pendingCount":%d,"failedTasks":0,"createdAt":1763869200.0,"updatedAt":1763870400.0,
                       "launchType":"FARGATE","rolloutState":"%s","rolloutStateReason":"%s"}]}""",
                    ACCOUNT, name.asText(), name.asText(), CLUSTER_ARN, s[0], s[1], s[2], "0000", ACCOUNT, name.asText(),
                    s[0], s[1], s[2], s[3], s[4]));
        }
        return Response.json("{\"services\":[" + String.join(",", services) + "],\"failures\":[" + String.join(",", failures) + "]}");
    }

    private static Response describeTargetHealth(Request r) {
        String arn = r.param("TargetGroupArn");
        List<String> states = arn.contains("order-service") ? List.of("healthy", "unhealthy", "initial")
                : arn.contains("api-gateway") ? List.of("healthy", "healthy", "healthy", "healthy") : List.of("healthy", "healthy");
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < states.size(); i++) {
            members.append("<member><Target><Id>10.0.").append(arn.length() % 7 + 1).append('.').append(10 + i)
                    .append("</Id><Port>8000</Port><AvailabilityZone>ap-southeast-1").append((char) ('a' + i % 3))
                    .append("</AvailabilityZone></Target><HealthCheckPort>8000</HealthCheckPort><TargetHealth><State>")
                    .append(states.get(i)).append("</State>")
                    .append(states.get(i).equals("unhealthy") ? "<Reason>Target.ResponseCodeMismatch</Reason><Description>Health checks failed with these codes: [502]</Description>" : "")
                    .append("</TargetHealth></member>");
        }
        return Response.xml("<DescribeTargetHealthResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\">"
                + "<DescribeTargetHealthResult><TargetHealthDescriptions>" + members + "</TargetHealthDescriptions>"
                + "</DescribeTargetHealthResult>" + REQUEST_ID + "</DescribeTargetHealthResponse>");
    }

    private static Response describeDbInstances(Request r) {
        String id = r.param("DBInstanceIdentifier");
        return Response.xml("<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBInstancesResult>"
                + "<DBInstances><DBInstance><DBInstanceIdentifier>" + id + "</DBInstanceIdentifier><DBInstanceClass>db.r6g.large"
                + "</DBInstanceClass><Engine>postgres</Engine><EngineVersion>16.4</EngineVersion><DBInstanceStatus>available"
                + "</DBInstanceStatus><AllocatedStorage>200</AllocatedStorage><MultiAZ>" + !id.endsWith("replica")
                + "</MultiAZ><DBInstanceArn>arn:aws:rds:ap-southeast-1:" + ACCOUNT + ":db:" + id + "</DBInstanceArn>"
                + "</DBInstance></DBInstances></DescribeDBInstancesResult>" + REQUEST_ID + "</DescribeDBInstancesResponse>");
    }

    private static Response describeReplicationGroups(Request r) {
        String id = r.param("ReplicationGroupId");
        return Response.xml("<DescribeReplicationGroupsResponse xmlns=\"http://elasticache.amazonaws.com/doc/2015-02-02/\">"
                + "<DescribeReplicationGroupsResult><ReplicationGroups><ReplicationGroup><ReplicationGroupId>" + id
                + "</ReplicationGroupId><Description>sessions</Description><Status>available</Status><MemberClusters>"
                + "<ClusterId>" + id + "-001</ClusterId><ClusterId>" + id + "-002</ClusterId><ClusterId>" + id + "-003</ClusterId>"
                + "</MemberClusters><AutomaticFailover>enabled</AutomaticFailover><MultiAZ>enabled</MultiAZ>"
                + "<CacheNodeType>cache.r7g.large</CacheNodeType><ClusterEnabled>false</ClusterEnabled>"
                + "</ReplicationGroup></ReplicationGroups></DescribeReplicationGroupsResult>" + REQUEST_ID
                + "</DescribeReplicationGroupsResponse>");
    }

    private static double epoch(String iso) {
        return Instant.parse(iso).getEpochSecond();
    }

    private static Response listBackupJobs(Request r) {
        if (!"django-ms-prod-vault".equals(r.param("backupVaultName"))) {
            return Response.json("{\"BackupJobs\":[]}");
        }
        // two pages, the newest job on the second: a reader of one page reports an older job
        if (r.param("nextToken") == null) {
            return Response.json("{\"BackupJobs\":["
                    + backupJob("RDS", "db:django-ms-prod-db", "2026-11-22T02:04:11Z") + ","
                    + backupJob("S3", "app-backups", "2026-11-23T02:03:40Z") + "],\"NextToken\":\"jobs-2\"}");
        }
        return Response.json("{\"BackupJobs\":[" + backupJob("RDS", "db:django-ms-prod-db", "2026-11-23T02:05:02Z") + "]}");
    }

    private static String backupJob(String type, String resource, String created) {
        return "{\"AccountId\":\"" + ACCOUNT + "\",\"BackupJobId\":\"a1b2c3d4-" + (long) epoch(created) + "\",\"BackupVaultName\":\"django-ms-prod-vault\","
                + "\"BackupVaultArn\":\"arn:aws:backup:ap-southeast-1:" + ACCOUNT + ":backup-vault:django-ms-prod-vault\","
                + "\"ResourceArn\":\"arn:aws:rds:ap-southeast-1:" + ACCOUNT + ":" + resource + "\",\"CreationDate\":" + epoch(created)
                + ",\"CompletionDate\":" + (epoch(created) + 1500) + ",\"State\":\"COMPLETED\",\"ResourceType\":\"" + type + "\"}";
    }

    private static Response listCopyJobs(Request r) {
        if (!r.region().equals("ap-southeast-1")) {
            return Response.json("{\"CopyJobs\":[]}");
        }
        // copy jobs are listed account-wide: another project's fill the first page
        if (r.param("nextToken") == null) {
            return Response.json("{\"CopyJobs\":[{\"AccountId\":\"" + ACCOUNT + "\",\"CopyJobId\":\"0be11e00-2222\","
                    + "\"SourceBackupVaultArn\":\"arn:aws:backup:ap-southeast-1:" + ACCOUNT + ":backup-vault:other-project-vault\","
                    + "\"CreationDate\":" + epoch("2026-11-23T03:00:00Z") + ",\"State\":\"FAILED\",\"ResourceType\":\"EBS\"}],"
                    + "\"NextToken\":\"copies-2\"}");
        }
        return Response.json("{\"CopyJobs\":[{\"AccountId\":\"" + ACCOUNT + "\",\"CopyJobId\":\"c0ffee00-1111\","
                + "\"SourceBackupVaultArn\":\"arn:aws:backup:ap-southeast-1:" + ACCOUNT + ":backup-vault:django-ms-prod-vault\","
                + "\"DestinationBackupVaultArn\":\"arn:aws:backup:ap-southeast-2:" + ACCOUNT + ":backup-vault:django-ms-prod-vault-dr\","
                + "\"ResourceArn\":\"arn:aws:rds:ap-southeast-1:" + ACCOUNT + ":db:django-ms-prod-db\",\"CreationDate\":"
                + epoch("2026-11-23T02:31:45Z") + ",\"CompletionDate\":" + epoch("2026-11-23T02:51:09Z")
                + ",\"State\":\"COMPLETED\",\"ResourceType\":\"RDS\"}]}");
    }

    private static Response listRecoveryPoints(Request r) {
        boolean dr = r.path().contains("vault-dr");
        String created = dr ? "2026-11-23T02:51:09Z" : "2026-11-23T02:05:02Z";
        String vault = dr ? "django-ms-prod-vault-dr" : "django-ms-prod-vault";
        String region = dr ? "ap-southeast-2" : "ap-southeast-1";
        return Response.json("{\"RecoveryPoints\":[{\"RecoveryPointArn\":\"arn:aws:rds:" + region + ":" + ACCOUNT
                + ":snapshot:awsbackup:job-" + (long) epoch(created) + "\",\"BackupVaultName\":\"" + vault + "\",\"CreationDate\":"
                + epoch(created) + ",\"Status\":\"COMPLETED\",\"ResourceType\":\"RDS\"},{\"RecoveryPointArn\":\"arn:aws:rds:" + region
                + ":" + ACCOUNT + ":snapshot:awsbackup:job-older\",\"BackupVaultName\":\"" + vault + "\",\"CreationDate\":"
                + (epoch(created) - 86400) + ",\"Status\":\"COMPLETED\",\"ResourceType\":\"RDS\"}]}");
    }

    static final String ERRORS_QUERY = "fields @timestamp, module, function, message\\n| filter level in [\\\"ERROR\\\", \\\"CRITICAL\\\"]\\n"
            + "| stats count(*) as errors by module, function\\n| sort errors desc";

    private static Response describeQueryDefinitions() {
        return Response.json("{\"queryDefinitions\":[{\"queryDefinitionId\":\"0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0\","
                + "\"name\":\"django-ms-prod/errors-by-module-function\",\"queryString\":\"" + ERRORS_QUERY + "\","
                + "\"lastModified\":1763800000000,\"logGroupNames\":[\"/ecs/django-ms-prod-api-gateway\"]}]}");
    }

    private Response startQuery(Request r) {
        String id = "5a1e" + queryIds.incrementAndGet() + "-0000-4000-8000-00000000000" + queryIds.get();
        queryLogGroups.put(id, r.json().path("logGroupName").asText());
        mostQueriesRunning.accumulateAndGet(queriesRunning.incrementAndGet(), Math::max);
        return Response.json("{\"queryId\":\"" + id + "\"}");
    }

    private static final Map<String, List<Object[]>> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("/ecs/django-ms-prod-api-gateway", List.of(new Object[] {"gateway.proxy", "forward", 9},
                new Object[] {"auth.middleware", "verify_token", 3}));
        ERRORS.put("/ecs/django-ms-prod-user-service", List.<Object[]>of(new Object[] {"users.views", "login", 4}));
        ERRORS.put("/ecs/django-ms-prod-product-service", List.of());
        ERRORS.put("/ecs/django-ms-prod-order-service", List.of(new Object[] {"orders.views", "create_order", 27},
                new Object[] {"payments.sumup", "charge", 11}, new Object[] {"orders.tasks", "reserve_stock", 5},
                new Object[] {"orders.db", "commit", 2}, new Object[] {"orders.views", "cancel_order", 1}));
        ERRORS.put("/ecs/django-ms-prod-notification-service", List.<Object[]>of(new Object[] {"notifications.email", "send", 2}));
    }

    private Response getQueryResults(Request r) {
        String logGroup = queryLogGroups.get(r.json().path("queryId").asText());
        if (queriesTimeOut) {
            queriesRunning.decrementAndGet();
            return Response.json("{\"status\":\"Timeout\",\"results\":[]}");
        }
        if (queriesNeverFinish) {
            return Response.json("{\"status\":\"Running\",\"results\":[],\"statistics\":{\"recordsMatched\":0.0,\"recordsScanned\":1200.0,\"bytesScanned\":480000.0}}");
        }
        List<String> rows = new ArrayList<>();
        for (Object[] row : ERRORS.getOrDefault(logGroup, List.of())) {
            rows.add("[{\"field\":\"module\",\"value\":\"" + row[0] + "\"},{\"field\":\"function\",\"value\":\"" + row[1]
                    + "\"},{\"field\":\"errors\",\"value\":\"" + row[2] + "\"}]");
        }
        queriesRunning.decrementAndGet();
        return Response.json("{\"status\":\"Complete\",\"results\":[" + String.join(",", rows)
                + "],\"statistics\":{\"recordsMatched\":61.0,\"recordsScanned\":48211.0,\"bytesScanned\":19302114.0}}");
    }
}
