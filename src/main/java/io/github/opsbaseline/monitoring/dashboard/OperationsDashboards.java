package io.github.opsbaseline.monitoring.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.core.ResourceNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.services.cloudwatch.CfnDashboard;
import software.constructs.Construct;

/**
 * The environment's operations dashboard: the sections in order (alarm status first), split into
 * {@code <project>-<env>-operations}, {@code ...-operations-2}, ... whenever the next section would
 * pass {@code maxWidgets} (CloudWatch allows 500), {@link #MAX_BODY_CHARS} or CloudWatch's 2,500
 * metrics per dashboard. The split depends only on
 * the sections, so the same input always gives the same dashboards.
 *
 * <p>The first dashboard lives in this construct's stack; each further one in a nested stack of its
 * own ({@code Page<n>}), so a large workload's dashboards never push a template past CloudFormation's
 * 1 MB, and page n stays in the same stack as pages are added after it.
 *
 * <p>A widget's size is measured with each CDK token at a fixed {@link #TOKEN_CHARS}, not as the
 * string the CDK encodes the token as for Java: that string carries a counter ({@code
 * ${Token[AWS.Partition.10]}}) that aws-cdk-lib starts at a random 0 to 9 in every process, on
 * purpose, so its length changes from run to run; at 1,000 services the split moved with it.
 */
public class OperationsDashboards extends Construct {

    /** CloudWatch's limit of widgets per dashboard. */
    public static final int CLOUDWATCH_MAX_WIDGETS = 500;

    /**
     * CloudWatch's limit of metrics per dashboard, across its widgets (the metrics a math expression
     * reads count too): each entry of a widget's {@code metrics} is counted, expressions included.
     */
    public static final int CLOUDWATCH_MAX_METRICS = 2_500;

    /**
     * Body size at which a dashboard is split: well under CloudFormation's 1 MB template, as the body
     * is escaped once more inside the template.
     */
    public static final int MAX_BODY_CHARS = 300_000;

    /**
     * What a token counts for in a widget's size, whatever its encoded string: a little over that
     * string's length (26 characters for the partition), so pages split about where they did.
     * In the written template the reference in its place takes about 60 bytes (an indented
     * {@code {"Ref": "AWS::Partition"}} in the body's {@code Fn::Join}); {@link #MAX_BODY_CHARS} is
     * far enough under 1 MB for that (at 1,000 services the largest template is 543 KiB), and
     * {@code TemplateLimits} checks every template after synthesis.
     */
    static final int TOKEN_CHARS = 32;

    /** A CDK string or list token as encoded in a string (the CDK's own markers and key characters). */
    private static final Pattern TOKEN = Pattern.compile("[$#]\\{Token\\[[a-zA-Z0-9:._-]+]}");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Room a widget's position fields take in the body, beyond its serialized properties. */
    private static final int POSITION_CHARS = 48;

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
            Construct home = i == 0 ? this : NestedStack.Builder.create(this, "Page" + (i + 1))
                    .description("Operations dashboard " + name + " (ops-baseline)").build();
            CfnDashboard.Builder.create(home, "Page" + (i + 1))
                    .dashboardName(name)
                    .dashboardBody(body(pages.get(i)))
                    .build();
        }
    }

    /**
     * Splits sections into pages at {@code maxWidgets}, {@link #MAX_BODY_CHARS} or
     * {@link #CLOUDWATCH_MAX_METRICS}; a section too large for one page continues on the next.
     */
    static List<List<Map<String, Object>>> paginate(List<DashboardSection> sections, int maxWidgets) {
        Pages pages = new Pages(maxWidgets);
        for (DashboardSection section : sections) {
            List<Integer> sizes = section.widgets().stream().map(OperationsDashboards::chars).toList();
            List<Integer> counts = section.widgets().stream().map(OperationsDashboards::metrics).toList();
            int sectionChars = sizes.stream().mapToInt(Integer::intValue).sum();
            int sectionMetrics = counts.stream().mapToInt(Integer::intValue).sum();
            // A section starts a page of its own when it would not fit whole on this one.
            if (!pages.current.isEmpty() && !pages.fits(section.size(), sectionChars, sectionMetrics)) {
                pages.next();
            }
            int part = 1;
            pages.add(Widgets.text("## " + section.title()), 0, 0);
            for (int w = 0; w < sizes.size(); w++) {
                if (!pages.fits(1, sizes.get(w), counts.get(w))) {
                    pages.next();
                    pages.add(Widgets.text("## " + section.title() + " (part " + (++part) + ")"), 0, 0);
                }
                pages.add(section.widgets().get(w), sizes.get(w), counts.get(w));
            }
        }
        return pages.all();
    }

    /**
     * The pages filled so far and the one being filled, with what it holds against the three limits.
     * Section headings count as widgets, not as characters or metrics: a heading is a few dozen
     * characters, well inside the room {@link #MAX_BODY_CHARS} leaves under 1 MB.
     */
    private static final class Pages {
        private final int maxWidgets;
        private final List<List<Map<String, Object>>> filled = new ArrayList<>();
        private List<Map<String, Object>> current = new ArrayList<>();
        private int chars;
        private int metrics;

        Pages(int maxWidgets) {
            this.maxWidgets = maxWidgets;
        }

        boolean fits(int widgets, int moreChars, int moreMetrics) {
            return current.size() + widgets <= maxWidgets && chars + moreChars <= MAX_BODY_CHARS
                    && metrics + moreMetrics <= CLOUDWATCH_MAX_METRICS;
        }

        void next() {
            filled.add(current);
            current = new ArrayList<>();
            chars = 0;
            metrics = 0;
        }

        void add(Map<String, Object> widget, int widgetChars, int widgetMetrics) {
            current.add(widget);
            chars += widgetChars;
            metrics += widgetMetrics;
        }

        List<List<Map<String, Object>>> all() {
            if (!current.isEmpty()) {
                next();
            }
            return filled;
        }
    }

    /** Entries of a widget's {@code metrics} (0 for text, alarm and log widgets). */
    static int metrics(Map<String, Object> widget) {
        return widget.get("properties") instanceof Map<?, ?> properties && properties.get("metrics") instanceof List<?> list
                ? list.size() : 0;
    }

    static int chars(Map<String, Object> widget) {
        String properties;
        try {
            properties = JSON.writeValueAsString(widget.get("properties"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dashboard widget is not serializable", e);
        }
        int chars = properties.length() + POSITION_CHARS;
        for (Matcher token = TOKEN.matcher(properties); token.find(); ) {
            chars += TOKEN_CHARS - (token.end() - token.start());
        }
        return chars;
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
