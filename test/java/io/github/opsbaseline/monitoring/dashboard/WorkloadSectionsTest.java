package io.github.opsbaseline.monitoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.config.WorkloadConfig.DatabaseEngine;
import io.github.opsbaseline.monitoring.MonitoredWorkload;
import io.github.opsbaseline.monitoring.database.DatabaseSignals;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadSectionsTest {

    private static List<DashboardSection> sections(String webAclName, MonitoredWorkload.Database... databases) {
        return new WorkloadSections("eu-west-1", "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:", "shop/test", webAclName)
                .sections(new MonitoredWorkload(null, null, List.of(databases), null), List.of(), List.of());
    }

    private static List<String> titles(DashboardSection section) {
        return section.widgets().stream().map(w -> String.valueOf(((Map<?, ?>) w.get("properties")).get("title"))).toList();
    }

    @Test
    void anAuroraClusterShowsItsVolumeAnInstanceItsFreeStorage() {
        List<DashboardSection> s = sections(null,
                new MonitoredWorkload.Database("db-aurora", "shop-aurora",
                        new DatabaseSignals.Facts(DatabaseEngine.AURORA_POSTGRESQL, true, null, null, null, false), null),
                new MonitoredWorkload.Database("db-main", "shop-main",
                        new DatabaseSignals.Facts(DatabaseEngine.POSTGRES, false, null, null, 100, false), null));

        assertThat(titles(s.get(0))).contains("db-aurora: volume used", "db-main: free storage")
                .doesNotContain("db-aurora: free storage");
    }

    @Test
    void aWebFirewallSectionOnlyWithAWebAcl() {
        MonitoredWorkload.Database db = new MonitoredWorkload.Database("db-main", "shop-main",
                new DatabaseSignals.Facts(DatabaseEngine.POSTGRES, false, null, null, null, false), null);
        assertThat(sections(null, db)).extracting(DashboardSection::title).containsExactly("Databases");
        assertThat(sections("shop-test-web-acl", db)).extracting(DashboardSection::title)
                .containsExactly("Databases", "Web firewall (shop-test-web-acl)");
    }

    @Test
    void eachLoadBalancerHasItsTrafficErrorsAndConnectionsAndEachServiceItsTargetsHealth() {
        // GIVEN a service behind a load balancer's target group, and the load balancer
        MonitoredWorkload w = new MonitoredWorkload(List.of(new MonitoredWorkload.Service("api", "main", "shop-api",
                "/ecs/shop-api", "app/shop-public/4567", "targetgroup/api/0123", null, null)),
                List.of(new MonitoredWorkload.LoadBalancer("alb-public", "app/shop-public/4567", null)), null, null);

        // WHEN the sections are laid out
        List<DashboardSection> s = new WorkloadSections("eu-west-1", "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:",
                "shop/test", null).sections(w, List.of(), List.of());

        // THEN the service shows its healthy and unhealthy targets, and the load balancer its own section
        assertThat(s).extracting(DashboardSection::title).containsExactly("Service api", "Load balancers");
        assertThat(titles(s.get(0))).contains("Targets");
        assertThat(titles(s.get(1))).containsExactly("alb-public: requests and errors", "alb-public: connections");
        String body = s.toString();
        assertThat(body).contains("HealthyHostCount", "UnHealthyHostCount", "HTTPCode_ELB_5XX_Count",
                "RejectedConnectionCount", "ActiveConnectionCount", "app/shop-public/4567");
    }
}
