package io.github.opsbaseline.cost.estimate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The monthly cost of what the baseline creates in one environment, itemized by stack and
 * resource type, with the resources nothing prices listed apart.
 */
public record Estimate(String environment, String region, String priceDate, String currency, List<CostLine> lines,
                       List<Unpriced> unpriced) {

    /** A resource whose type no rule prices: shown, never dropped. */
    public record Unpriced(String stack, String logicalId, String type) { }

    public double totalUsd() {
        return lines.stream().mapToDouble(CostLine::monthlyUsd).sum();
    }

    /** Total per stack, in stack order. */
    public Map<String, Double> totalsByStack() {
        Map<String, Double> totals = new LinkedHashMap<>();
        lines.forEach(l -> totals.merge(l.stack(), l.monthlyUsd(), Double::sum));
        return totals;
    }

    /** The estimate as a fixed-width table, lines with a cost first within each stack. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Monthly cost of the ops-baseline resources: %s (%s)%n", environment, region));
        out.append(String.format(Locale.ROOT, "List prices of %s in %s; us-east-1 prices where a region has none of its own.%n%n",
                priceDate, currency));
        String format = "%-32s %-34s %-42s %12s %-22s %10s %10s  %s%n";
        out.append(String.format(Locale.ROOT, format, "STACK", "RESOURCE TYPE", "ITEM", "QUANTITY", "UNIT",
                "UNIT USD", "MONTH USD", "ASSUMPTION"));
        for (CostLine l : lines) {
            if (l.unitUsd() == 0 && l.priceId().equals("-")) {
                continue;
            }
            out.append(String.format(Locale.ROOT, format, l.stack(), l.resourceType(), l.item(), quantity(l.quantity()),
                    l.unit(), unitPrice(l.unitUsd()), money(l.monthlyUsd()),
                    l.assumption() + (l.priceRegion().equals(PriceBook.BASE_REGION) || l.priceRegion().equals("-") ? "" : " [" + l.priceRegion() + " price]")));
        }
        out.append(System.lineSeparator());
        Map<String, Long> freeCounts = new LinkedHashMap<>();
        lines.stream().filter(l -> l.priceId().equals("-"))
                .forEach(l -> freeCounts.merge(l.resourceType(), (long) l.quantity(), Long::sum));
        if (!freeCounts.isEmpty()) {
            out.append("No charge of their own: ");
            out.append(String.join(", ", freeCounts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).toList()));
            out.append(System.lineSeparator());
        }
        totalsByStack().forEach((stack, total) ->
                out.append(String.format(Locale.ROOT, "%-32s %10s%n", stack, money(total))));
        out.append(String.format(Locale.ROOT, "%-32s %10s%n", "TOTAL " + environment, money(totalUsd())));
        if (!unpriced.isEmpty()) {
            out.append(System.lineSeparator()).append("Unpriced (no rule for the type; not in the total):").append(System.lineSeparator());
            unpriced.forEach(u -> out.append(String.format(Locale.ROOT, "  %s %s %s%n", u.stack(), u.type(), u.logicalId())));
        }
        return out.toString();
    }

    /** The estimate as JSON: stable key order, amounts rounded to the cent, unit prices to 1e-7. */
    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("environment", environment);
        root.put("region", region);
        root.put("priceDate", priceDate);
        root.put("currency", currency);
        root.put("totalUsd", round(totalUsd(), 2));
        ObjectNode stacks = root.putObject("stacks");
        totalsByStack().forEach((stack, total) -> stacks.put(stack, round(total, 2)));
        ArrayNode items = root.putArray("lines");
        for (CostLine l : lines) {
            ObjectNode n = items.addObject();
            n.put("stack", l.stack());
            n.put("resourceType", l.resourceType());
            n.put("item", l.item());
            n.put("quantity", round(l.quantity(), 4));
            n.put("unit", l.unit());
            n.put("unitUsd", round(l.unitUsd(), 7));
            n.put("monthlyUsd", round(l.monthlyUsd(), 2));
            n.put("priceId", l.priceId());
            n.put("priceRegion", l.priceRegion());
            n.put("assumption", l.assumption());
        }
        ArrayNode none = root.putArray("unpriced");
        unpriced.forEach(u -> none.addObject().put("stack", u.stack()).put("logicalId", u.logicalId()).put("type", u.type()));
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double value, int places) {
        return java.math.BigDecimal.valueOf(value).setScale(places, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private static String money(double usd) {
        return String.format(Locale.ROOT, "%.2f", usd);
    }

    private static String unitPrice(double usd) {
        return String.format(Locale.ROOT, "%.7f", usd).replaceAll("0{1,5}$", "");
    }

    private static String quantity(double q) {
        return q == Math.rint(q) ? Long.toString((long) q) : String.format(Locale.ROOT, "%.2f", q);
    }
}
