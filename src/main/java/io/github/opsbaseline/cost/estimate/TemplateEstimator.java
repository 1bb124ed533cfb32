package io.github.opsbaseline.cost.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.opsbaseline.config.CostConfig.Assumptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices the resources of an environment's templates with {@link PricingRules} and the dated
 * {@link PriceBook}: lines are summed per stack, resource type and item, in template order; free
 * tiers that belong to the account (3 dashboards, 2 budgets) are applied once per environment.
 */
public final class TemplateEstimator {

    /** A synthesized stack: its name, region and template. */
    public record StackTemplate(String stack, String region, JsonNode template) { }

    private final PriceBook prices;

    public TemplateEstimator(PriceBook prices) {
        this.prices = prices;
    }

    public Estimate estimate(String environment, String homeRegion, List<StackTemplate> stacks, Assumptions assumptions) {
        Map<String, CostLine> lines = new LinkedHashMap<>();
        List<Estimate.Unpriced> unpriced = new ArrayList<>();
        Map<String, Integer> free = new LinkedHashMap<>();
        for (StackTemplate stack : stacks) {
            for (Map.Entry<String, JsonNode> entry : stack.template().path("Resources").properties()) {
                String type = entry.getValue().path("Type").asText();
                PricingRules.Resource resource = new PricingRules.Resource(stack.stack(), stack.region(), entry.getKey(), type,
                        entry.getValue().path("Properties"));
                PricingRules.Rule rule = PricingRules.RULES.get(type);
                if (rule != null) {
                    rule.price(resource, assumptions, (item, quantity, priceId, assumption) -> {
                        PriceBook.Price price = prices.price(priceId, stack.region());
                        String key = stack.stack() + "|" + type + "|" + item + "|" + priceId + "|" + assumption;
                        CostLine existing = lines.get(key);
                        lines.put(key, existing != null ? existing.plus(quantity)
                                : new CostLine(stack.stack(), type, item, quantity, price.unit(), price.usd(), priceId,
                                        price.region(), assumption));
                    });
                } else if (PricingRules.NO_CHARGE.contains(type)) {
                    free.merge(stack.stack() + "|" + type, 1, Integer::sum);
                } else {
                    unpriced.add(new Estimate.Unpriced(stack.stack(), entry.getKey(), type));
                }
            }
        }
        List<CostLine> all = applyAccountFreeTier(
                applyAccountFreeTier(new ArrayList<>(lines.values()), "cloudwatch_dashboard", 3),
                "budgets_budget_day", 2 * PricingRules.DAYS_PER_MONTH);
        free.forEach((key, count) -> {
            String[] parts = key.split("\\|");
            all.add(new CostLine(parts[0], parts[1], "no charge", count, "resource", 0, "-", "-",
                    "no charge of its own (its cost, if any, is on another line)"));
        });
        all.sort(java.util.Comparator.comparingInt((CostLine l) -> stackOrder(stacks, l.stack())));
        return new Estimate(environment, homeRegion, prices.date(), prices.currency(), all, unpriced);
    }

    /** Takes an account-wide free allowance off the first lines that use {@code priceId}. */
    private static List<CostLine> applyAccountFreeTier(List<CostLine> lines, String priceId, double allowance) {
        double left = allowance;
        List<CostLine> out = new ArrayList<>();
        for (CostLine line : lines) {
            if (line.priceId().equals(priceId) && left > 0) {
                double freeHere = Math.min(left, line.quantity());
                left -= freeHere;
                out.add(line.withQuantity(line.quantity() - freeHere, line.assumption()
                        + " (" + PricingRules.fmt(freeHere) + " free)"));
            } else {
                out.add(line);
            }
        }
        return out;
    }

    private static int stackOrder(List<StackTemplate> stacks, String stack) {
        for (int i = 0; i < stacks.size(); i++) {
            if (stacks.get(i).stack().equals(stack)) {
                return i;
            }
        }
        return stacks.size();
    }
}
