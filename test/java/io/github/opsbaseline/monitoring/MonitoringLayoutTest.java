package io.github.opsbaseline.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.alerting.AlertTopicsProps;
import io.github.opsbaseline.core.NestedTemplates;
import io.github.opsbaseline.core.ResourceNames;
import io.github.opsbaseline.monitoring.database.DatabaseSignals;
import io.github.opsbaseline.testing.TestApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** Where each watched resource's monitoring lives, and that growing a workload moves nothing. */
class MonitoringLayoutTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aUnitsGroupIsAFunctionOfItsNameAloneAndNeverChanges() {
        // Pinned: a different group for an existing unit would replace its alarms and log group on upgrade.
        assertThat(List.of("Service-api-gateway", "Service-order-service", "Database-db-main", "Cache-cache-sessions",
                "LoadBalancer-alb-public").stream().map(MonitoringLayout::groupOf).toList())
                .containsExactly(3, 1, 1, 3, 1);
    }

    @Test
    void aThousandServicesWithTheirStoresSpreadEvenlyWithinEachGroupsCapacity() {
        Map<Integer, Integer> counts = new TreeMap<>();
        IntStream.range(0, 1000).forEach(i -> counts.merge(
                MonitoringLayout.groupOf(String.format(Locale.ROOT, "Service-svc-%04d", i)), 1, Integer::sum));
        IntStream.range(0, 100).forEach(i -> {
            counts.merge(MonitoringLayout.groupOf(String.format(Locale.ROOT, "Database-db-%03d", i)), 1, Integer::sum);
            counts.merge(MonitoringLayout.groupOf(String.format(Locale.ROOT, "Cache-cache-%03d", i)), 1, Integer::sum);
        });

        assertThat(counts).hasSize(MonitoringLayout.GROUPS);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(1200 / 4 * 8 / 10, 1200 / 4 * 12 / 10)
                .isLessThanOrEqualTo(MonitoringLayout.MAX_UNITS_PER_GROUP));
    }

    @Test
    void aGroupPastItsCapacityIsRefusedWithTheUnitNamed() {
        MonitoringLayout layout = new MonitoringLayout(MonitoringFixtures.stack());
        List<String> sameGroup = IntStream.range(0, 5000).mapToObj(i -> "Service-s" + i)
                .filter(id -> MonitoringLayout.groupOf(id) == 2).limit(MonitoringLayout.MAX_UNITS_PER_GROUP + 1).toList();
        sameGroup.subList(0, MonitoringLayout.MAX_UNITS_PER_GROUP).forEach(id -> layout.unit(id, "test"));

        assertThatThrownBy(() -> layout.unit(sameGroup.get(MonitoringLayout.MAX_UNITS_PER_GROUP), "test"))
                .hasMessageContaining("monitoring group 2 would hold more than 450")
                .hasMessageContaining(sameGroup.get(MonitoringLayout.MAX_UNITS_PER_GROUP));
    }

    @Test
    void addingAServiceInTheMiddleChangesNoExistingResourceOrItsStack() throws IOException {
        // GIVEN a workload of 12 services, and the same with one more whose name sorts in the middle
        List<String> names = new ArrayList<>(IntStream.range(0, 12)
                .mapToObj(i -> String.format(Locale.ROOT, "svc-%02d", i * 2)).toList());
        Map<String, Map<String, JsonNode>> before = synth(names);
        names.add(6, "svc-11");
        Map<String, Map<String, JsonNode>> after = synth(names);

        // THEN every template of the first synth is still there, every resource with the same logical id
        // and type in the same template, and only the parent, the new unit's group and the new unit differ
        String newUnit = after.keySet().stream().filter(t -> !before.containsKey(t)).findFirst().orElseThrow();
        assertThat(newUnit).contains("Servicesvc11");
        assertThat(after.keySet()).containsAll(before.keySet()).hasSize(before.size() + 1);
        List<String> changed = new ArrayList<>();
        before.forEach((template, resources) -> {
            Map<String, JsonNode> later = after.get(template);
            resources.forEach((id, resource) -> {
                assertThat(later).as("%s in %s", id, template).containsKey(id);
                assertThat(later.get(id).path("Type")).as("type of %s", id).isEqualTo(resource.path("Type"));
            });
            if (!later.equals(resources)) {
                changed.add(template);
            }
        });
        String group = "Group" + MonitoringLayout.groupOf("Service-svc-11");
        assertThat(changed).allSatisfy(t -> assertThat(t).matches("monitoring|.*" + group + "[0-9A-F]{8}"));
    }

    @Test
    void everyTemplateOfAFortyServiceWorkloadIsFarBelowCloudFormationsLimits() throws IOException {
        Path out = synthDir(IntStream.range(0, 40).mapToObj(i -> String.format(Locale.ROOT, "svc-%02d", i)).toList());
        try (var files = Files.list(out)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".template.json")).toList()) {
                assertThat(Files.size(f)).as("bytes of %s", f.getFileName()).isLessThan(500_000);
                assertThat(JSON.readTree(f.toFile()).path("Resources").size()).as("resources of %s", f.getFileName())
                        .isLessThan(100);
            }
        }
    }

    private static Map<String, Map<String, JsonNode>> synth(List<String> services) throws IOException {
        Path out = synthDir(services);
        Map<String, Map<String, JsonNode>> templates = new TreeMap<>();
        templates.put("monitoring", resources(out.resolve("Monitoring.template.json")));
        for (String nested : NestedTemplates.of(out, "Monitoring.template.json")) {
            templates.put(NestedTemplates.name(nested), resources(out.resolve(nested)));
        }
        return templates;
    }

    private static Path synthDir(List<String> services) throws IOException {
        Path out = Files.createTempDirectory("layout-");
        Map<String, Object> context = new TreeMap<>(TestApps.context());
        // The layout is under test here, not the CDK's validator (the gate tests run it on every environment).
        context.put("@aws-cdk/core:validateAgainstDefaultRules", false);
        App app = App.Builder.create().outdir(out.toString()).context(context).analyticsReporting(false).build();
        String alb = "app/shop-alb/0123456789abcdef";
        List<MonitoredWorkload.Service> list = services.stream().map(s -> new MonitoredWorkload.Service(s, "main", s,
                "/ecs/shop-test-" + s, alb, "targetgroup/" + s + "/0123456789abcdef", "https://shop.example.com/" + s
                + "/health", null)).toList();
        MonitoredWorkload workload = new MonitoredWorkload(list, List.of(new MonitoredWorkload.LoadBalancer("alb-public",
                alb, null)), List.of(new MonitoredWorkload.Database("db-main", "shop-db", new DatabaseSignals.Facts(
                io.github.opsbaseline.config.WorkloadConfig.DatabaseEngine.POSTGRES, false, 16.0, 1700, 200, false),
                null)), List.of(new MonitoredWorkload.Cache("cache-sessions", "shop-sessions", 2, null)));
        new MonitoringStack(app, "Monitoring", new MonitoringStackProps(StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build()).build(),
                AlertTopicsProps.builder().names(new ResourceNames("shop", "test")).build(), workload, null));
        app.synth();
        return out;
    }

    private static Map<String, JsonNode> resources(Path template) throws IOException {
        Map<String, JsonNode> resources = new TreeMap<>();
        JsonNode node = JSON.readTree(template.toFile()).path("Resources");
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            resources.put(e.getKey(), e.getValue());
        }
        return resources;
    }
}
