package io.github.opsbaseline.monitoring.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.core.ResourceNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.cloudwatch.CfnDashboard;
import software.constructs.Construct;

/**
 * The environment's operations dashboard: the sections in order (alarm status first), split into
 * {@code <project>-<env>-operations}, {@code ...-operations-2}, ... whenever the next section would
 * pass {@code maxWidgets} (CloudWatch allows 500). The split depends only on the sections, so the
 * same input always gives the same dashboards.
 */
public class OperationsDashboards extends Construct {

    /** CloudWatch's limit of widgets per dashboard. */
    public static final int CLOUDWATCH_MAX_WIDGETS = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<List<Map<String, Object>>> pages;
    private final List<String> dashboardNames = new ArrayList<>();

    /**
     * @param names the naming scheme
     * @param sections the sections, in display order
     * @param maxWidgets widgets per dashboard before splitting, 1 to 500
     */
    public OperationsDashboards(Construct scope, String id, ResourceNames names, List<DashboardSection> sections,
                                int maxWidgets) {
        super(scope, id);
        if (maxWidgets < 2 || maxWidgets > CLOUDWATCH_MAX_WIDGETS) {
            throw new IllegalArgumentException("maxWidgets must be 2 to 500, got " + maxWidgets);
        }
        pages = paginate(sections, maxWidgets);
        for (int i = 0; i < pages.size(); i++) {
            String name = i == 0 ? names.name("operations") : names.name("operations", String.valueOf(i + 1));
            dashboardNames.add(name);
            CfnDashboard.Builder.create(this, "Page" + (i + 1))
                    .dashboardName(name)
                    .dashboardBody(body(pages.get(i)))
                    .build();
        }
    }

    /** Splits sections into pages; a section too large for one page continues on the next. */
    static List<List<Map<String, Object>>> paginate(List<DashboardSection> sections, int maxWidgets) {
        List<List<Map<String, Object>>> result = new ArrayList<>();
        List<Map<String, Object>> page = new ArrayList<>();
        for (DashboardSection section : sections) {
            if (!page.isEmpty() && page.size() + section.size() > maxWidgets) {
                result.add(page);
                page = new ArrayList<>();
            }
            int part = 1;
            page.add(Widgets.text("## " + section.title()));
            for (Map<String, Object> widget : section.widgets()) {
                if (page.size() == maxWidgets) {
                    result.add(page);
                    page = new ArrayList<>();
                    page.add(Widgets.text("## " + section.title() + " (part " + (++part) + ")"));
                }
                page.add(widget);
            }
        }
        if (!page.isEmpty()) {
            result.add(page);
        }
        return result;
    }

    /** Positions widgets left to right in a 24-column grid and serializes the body. */
    static String body(List<Map<String, Object>> widgets) {
        int x = 0;
        int y = 0;
        int rowHeight = 0;
        List<Map<String, Object>> placed = new ArrayList<>();
        for (Map<String, Object> w : widgets) {
            int width = (Integer) w.get("width");
            int height = (Integer) w.get("height");
            if (x + width > 24) {
                x = 0;
                y += rowHeight;
                rowHeight = 0;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("type", w.get("type"));
            p.put("x", x);
            p.put("y", y);
            p.put("width", width);
            p.put("height", height);
            p.put("properties", w.get("properties"));
            placed.add(p);
            x += width;
            rowHeight = Math.max(rowHeight, height);
        }
        try {
            return JSON.writeValueAsString(Map.of("widgets", placed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dashboard body is not serializable", e);
        }
    }

    public List<String> dashboardNames() {
        return List.copyOf(dashboardNames);
    }

    /** Widgets per dashboard, in order. */
    public List<Integer> widgetCounts() {
        return pages.stream().map(List::size).toList();
    }
}
