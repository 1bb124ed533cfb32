package io.github.opsbaseline.monitoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.monitoring.MonitoringFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class OperationsDashboardsTest {

    private static List<DashboardSection> sections(int count, int widgetsEach) {
        List<DashboardSection> s = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            s.add(new DashboardSection("S" + i, IntStream.range(0, widgetsEach)
                    .mapToObj(w -> Widgets.metric("w" + w, "eu-west-1", List.of())).toList()));
        }
        return s;
    }

    @Test
    void sectionsStayTogetherAndEveryDashboardStaysUnderTheLimit() {
        // GIVEN 30 sections of 20 widgets (+ a header each), at most 100 widgets a dashboard
        List<List<Map<String, Object>>> pages = OperationsDashboards.paginate(sections(30, 20), 100);
        // THEN each page holds whole sections of 21 widgets: 4 per page, 8 pages
        assertThat(pages).hasSize(8);
        assertThat(pages).allSatisfy(p -> assertThat(p.size()).isLessThanOrEqualTo(100));
        assertThat(pages.get(0)).hasSize(84);
        // AND the split is the same every time
        assertThat(OperationsDashboards.paginate(sections(30, 20), 100)).isEqualTo(pages);
    }

    /** An alarm-status section of 40 widgets of 100 alarm ARNs, whose partition is a token with this counter. */
    private static List<DashboardSection> alarmStatus(int tokenCounter) {
        String prefix = "arn:${Token[AWS.Partition." + tokenCounter + "]}:cloudwatch:eu-west-1:123456789012:alarm:";
        return List.of(new DashboardSection("Alarm status", IntStream.range(0, 40).mapToObj(w -> Widgets.alarmStatus(
                "Alarms " + w, IntStream.range(0, 100).mapToObj(a -> prefix + "shop-prod-svc-" + (w * 100 + a)
                        + "-cpu-critical").toList())).toList()));
    }

    @Test
    void theSplitDoesNotDependOnTheCountersInTokenPlaceholders() {
        // GIVEN the same alarms, their ARNs' partition token numbered 9 in one run and 1234567 in
        // another (aws-cdk-lib starts its token counter at random), past the body limit
        List<List<Map<String, Object>>> one = OperationsDashboards.paginate(alarmStatus(9), 500);
        List<List<Map<String, Object>>> other = OperationsDashboards.paginate(alarmStatus(1234567), 500);

        // THEN the pages hold the same widgets, and each widget counts its token at TOKEN_CHARS
        assertThat(one).hasSizeGreaterThan(1);
        assertThat(other.stream().map(List::size).toList()).isEqualTo(one.stream().map(List::size).toList());
        Map<String, Object> widget = Widgets.alarmStatus("A", List.of("${Token[AWS.Partition.9]}"));
        Map<String, Object> plain = Widgets.alarmStatus("A", List.of(""));
        assertThat(OperationsDashboards.chars(widget))
                .isEqualTo(OperationsDashboards.chars(plain) + OperationsDashboards.TOKEN_CHARS)
                .isEqualTo(OperationsDashboards.chars(Widgets.alarmStatus("A", List.of("${Token[TOKEN.123456]}"))));
    }

    @Test
    void aSectionLargerThanADashboardContinuesOnTheNextWithAHeader() {
        List<List<Map<String, Object>>> pages = OperationsDashboards.paginate(sections(1, 1200), 500);
        assertThat(pages).extracting(List::size).containsExactly(500, 500, 203);
        assertThat(((Map<?, ?>) pages.get(1).get(0).get("properties")).get("markdown")).isEqualTo("## S0 (part 2)");
    }

    @Test
    void aDashboardHoldsAtMost2500MetricsAcrossItsWidgets() {
        // GIVEN 130 caches of 6 nodes: 4 widgets of 9 lines each (36 metrics), far under 500 widgets a page
        List<Object> line = List.of("AWS/ElastiCache", "CPUUtilization", "CacheClusterId", "shop-redis-001");
        List<DashboardSection> caches = IntStream.range(0, 130).mapToObj(c -> new DashboardSection("Cache " + c,
                IntStream.range(0, 4).mapToObj(w -> Widgets.metric("w" + w, "eu-west-1",
                        java.util.Collections.nCopies(9, line))).toList())).toList();

        List<List<Map<String, Object>>> pages = OperationsDashboards.paginate(caches, 500);

        // THEN every page stays within CloudWatch's 2,500 metrics, with whole sections: 69 caches (2,484) a page
        assertThat(pages).extracting(p -> p.stream().mapToInt(OperationsDashboards::metrics).sum())
                .containsExactly(2484, 2196);
        assertThat(OperationsDashboards.metrics(Widgets.text("## x"))).isZero();
    }

    @Test
    void theBodyIsPlacedOnTheGridAndNamedByEnvironment() {
        Stack stack = MonitoringFixtures.stack();
        OperationsDashboards d = new OperationsDashboards(stack, "Dash", MonitoringFixtures.NAMES, sections(3, 5), 10);
        assertThat(d.dashboardNames()).containsExactly("shop-test-operations", "shop-test-operations-2",
                "shop-test-operations-3");
        Template.fromStack(stack).hasResourceProperties("AWS::CloudWatch::Dashboard", Map.of(
                "DashboardName", "shop-test-operations",
                "DashboardBody", Match.stringLikeRegexp("^\\{\"widgets\":\\[\\{\"type\":\"text\",\"x\":0,\"y\":0,\"width\":24,"
                        + "\"height\":1.*\\{\"type\":\"metric\",\"x\":8,\"y\":1,\"width\":8,\"height\":6.*")));
    }
}
