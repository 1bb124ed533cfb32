package io.github.opsbaseline.cost.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.config.CostConfig.Assumptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A small template priced by hand, line by line. */
class TemplateEstimatorTest {

    private static final String TEMPLATE = """
            {"Resources": {
              "Cpu":   {"Type": "AWS::CloudWatch::Alarm", "Properties": {"MetricName": "CPUUtilization", "Period": 60}},
              "Fast":  {"Type": "AWS::CloudWatch::Alarm", "Properties": {"MetricName": "Latency", "Period": 10}},
              "Rate":  {"Type": "AWS::CloudWatch::Alarm", "Properties": {"Metrics": [
                          {"Id": "a", "MetricStat": {"Period": 300}}, {"Id": "b", "MetricStat": {"Period": 300}},
                          {"Id": "c", "MetricStat": {"Period": 300}}, {"Id": "e", "Expression": "100*(a+b)/c"}]}},
              "Band":  {"Type": "AWS::CloudWatch::Alarm", "Properties": {"Metrics": [
                          {"Id": "m", "MetricStat": {"Period": 300}}, {"Id": "band", "Expression": "ANOMALY_DETECTION_BAND(m, 2)"}]}},
              "Down":  {"Type": "AWS::CloudWatch::CompositeAlarm", "Properties": {}},
              "D1": {"Type": "AWS::CloudWatch::Dashboard"}, "D2": {"Type": "AWS::CloudWatch::Dashboard"},
              "D3": {"Type": "AWS::CloudWatch::Dashboard"}, "D4": {"Type": "AWS::CloudWatch::Dashboard"},
              "Errors": {"Type": "AWS::Logs::MetricFilter", "Properties": {"MetricTransformations": [{"MetricName": "Errors"}]}},
              "Logs":  {"Type": "AWS::Logs::LogGroup", "Properties": {"RetentionInDays": 30}},
              "Key":   {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": false}},
              "Role":  {"Type": "AWS::IAM::Role", "Properties": {}},
              "Odd":   {"Type": "AWS::Foo::Bar", "Properties": {}}
            }}""";

    private static Estimate estimate(String region) throws Exception {
        return estimate(region, TEMPLATE);
    }

    private static Estimate estimate(String region, String json) throws Exception {
        JsonNode template = new ObjectMapper().readTree(json);
        Assumptions assumptions = new Assumptions(2.0, null, null, null, null, null, null, null, null, 10_000.0, null, null,
                null, null, null, null, null, null);
        return new TemplateEstimator(PriceBook.load()).estimate("test", region,
                List.of(new TemplateEstimator.StackTemplate("s", region, template)), assumptions);
    }

    private static CostLine line(Estimate estimate, String item) {
        return estimate.lines().stream().filter(l -> l.item().equals(item)).findFirst().orElseThrow();
    }

    @Test
    void eachResourceIsPricedAsQuantityTimesListPrice() throws Exception {
        Estimate e = estimate("us-east-1");

        // 1 plain alarm + 3 metrics of the math alarm at $0.10
        assertThat(line(e, "standard alarm metric").quantity()).isEqualTo(4);
        assertThat(line(e, "standard alarm metric").monthlyUsd()).isCloseTo(0.40, within(1e-9));
        // a 10-second period is a high-resolution alarm: $0.30
        assertThat(line(e, "high-resolution alarm metric").monthlyUsd()).isCloseTo(0.30, within(1e-9));
        // an anomaly band alarm counts as 3 metrics: $0.30
        assertThat(line(e, "anomaly detection alarm").monthlyUsd()).isCloseTo(0.30, within(1e-9));
        assertThat(line(e, "composite alarm").monthlyUsd()).isCloseTo(0.50, within(1e-9));
        // 4 dashboards, 3 free per account: $3.00
        assertThat(line(e, "dashboard").quantity()).isEqualTo(1);
        assertThat(line(e, "dashboard").monthlyUsd()).isCloseTo(3.00, within(1e-9));
        assertThat(line(e, "custom metric from a metric filter").monthlyUsd()).isCloseTo(0.30, within(1e-9));
        // 2 GB/month ingested at $0.50; kept 30 days: 2 x 30/30.42 GB at $0.03
        assertThat(line(e, "log ingestion").monthlyUsd()).isCloseTo(1.00, within(1e-9));
        assertThat(line(e, "log storage").quantity()).isCloseTo(2 * 30 / 30.42, within(1e-9));
        assertThat(line(e, "log storage").monthlyUsd()).isCloseTo(0.0591716, within(1e-6));
        // a key without rotation: $1 + 10,000 requests at $0.03 per 10k
        assertThat(line(e, "customer-managed key").monthlyUsd()).isCloseTo(1.00, within(1e-9));
        assertThat(e.lines()).noneMatch(l -> l.item().equals("rotated key material"));
        assertThat(line(e, "requests (10k)").monthlyUsd()).isCloseTo(0.03, within(1e-9));

        assertThat(e.totalUsd()).isCloseTo(0.40 + 0.30 + 0.30 + 0.50 + 3.00 + 0.30 + 1.00 + 0.0591716 + 1.00 + 0.03, within(1e-6));
    }

    @Test
    void aRotatedKeyIsPricedAtItsSteadyStateOfThreeDollars() throws Exception {
        // KMS: $1 a key, and each of the first two yearly rotations adds $1 a month, capped there
        Estimate e = estimate("us-east-1", """
                {"Resources": {"Key": {"Type": "AWS::KMS::Key", "Properties": {"EnableKeyRotation": true}}}}""");
        assertThat(line(e, "rotated key material").quantity()).isEqualTo(2);
        assertThat(line(e, "customer-managed key").monthlyUsd() + line(e, "rotated key material").monthlyUsd())
                .isCloseTo(3.00, within(1e-9));
    }

    @Test
    void aTypeNoRulePricesIsListedAsUnpricedAndAFreeTypeAsNoCharge() throws Exception {
        Estimate e = estimate("us-east-1");

        assertThat(e.unpriced()).containsExactly(new Estimate.Unpriced("s", "Odd", "AWS::Foo::Bar"));
        assertThat(e.lines()).anyMatch(l -> l.resourceType().equals("AWS::IAM::Role") && l.item().equals("no charge")
                && l.quantity() == 1 && l.monthlyUsd() == 0);
        assertThat(e.table()).contains("Unpriced (no rule for the type; not in the total):").contains("AWS::Foo::Bar Odd");
    }

    @Test
    void aRegionWithItsOwnPriceUsesItAndSaysSo() throws Exception {
        Estimate e = estimate("ap-southeast-1");

        assertThat(line(e, "log ingestion").unitUsd()).isEqualTo(0.70);
        assertThat(line(e, "log ingestion").priceRegion()).isEqualTo("ap-southeast-1");
        // no Singapore price known for composite alarms: the us-east-1 one, flagged as such
        assertThat(line(e, "composite alarm").priceRegion()).isEqualTo("us-east-1");
        assertThat(e.table()).contains("[ap-southeast-1 price]");
    }

    @Test
    void theJsonHasStableFieldsAndRoundedAmounts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(estimate("us-east-1").json());

        assertThat(json.get("environment").asText()).isEqualTo("test");
        assertThat(json.get("totalUsd").asDouble()).isEqualTo(6.89);
        assertThat(json.get("stacks").get("s").asDouble()).isEqualTo(6.89);
        JsonNode first = json.get("lines").get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("stack", "resourceType", "item", "quantity", "unit",
                "unitUsd", "monthlyUsd", "priceId", "priceRegion", "assumption");
        assertThat(json.get("unpriced").get(0).get("type").asText()).isEqualTo("AWS::Foo::Bar");
    }

    @Test
    void everyPriceTheRulesUseIsInThePriceTableWithASource() {
        PriceBook book = PriceBook.load();

        assertThat(book.date()).isEqualTo("2026-11-23");
        assertThat(book.prices().values()).allSatisfy(p -> assertThat(p.source()).startsWith("https://"));
        for (String id : List.of("cloudwatch_alarm_standard", "cloudwatch_alarm_anomaly_detection", "waf_web_acl",
                "guardduty_cloudtrail_mgmt_events", "config_ci_continuous", "kms_customer_managed_key", "sns_sms_us",
                "cloudwatch_synthetics_canary_run", "backup_rds_snapshot_warm", "securityhub_cspm_security_check",
                "shield_advanced_subscription", "budgets_budget_day", "lambda_duration_x86")) {
            assertThat(book.price(id, "us-east-1").usd()).as(id).isGreaterThan(0);
        }
    }
}
