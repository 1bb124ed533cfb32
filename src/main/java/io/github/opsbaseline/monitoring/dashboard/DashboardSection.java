package io.github.opsbaseline.monitoring.dashboard;

import java.util.List;
import java.util.Map;

/**
 * A titled group of dashboard widgets (CloudWatch dashboard-body JSON objects without position),
 * kept together on one dashboard when it fits.
 *
 * @param title the section header
 * @param widgets the widgets, each {@code {"type": ..., "width": ..., "height": ..., "properties": ...}}
 */
public record DashboardSection(String title, List<Map<String, Object>> widgets) {

    public DashboardSection {
        widgets = List.copyOf(widgets);
    }

    /** Widgets including the header. */
    public int size() {
        return widgets.size() + 1;
    }
}
