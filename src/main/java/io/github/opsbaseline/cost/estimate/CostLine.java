package io.github.opsbaseline.cost.estimate;

/**
 * One priced line of the estimate: {@code quantity × unitUsd} per month.
 *
 * @param stack the stack whose resources it prices
 * @param resourceType the CloudFormation type
 * @param item what is priced, e.g. "standard alarm metric"
 * @param quantity how many units per month
 * @param unit the price's unit
 * @param unitUsd the unit price
 * @param priceId the line of prices.json it uses
 * @param priceRegion the region the price is for (us-east-1 when the stack's region has no own price)
 * @param assumption where the quantity comes from
 */
public record CostLine(String stack, String resourceType, String item, double quantity, String unit, double unitUsd,
                       String priceId, String priceRegion, String assumption) {

    public double monthlyUsd() {
        return quantity * unitUsd;
    }

    CostLine plus(double more) {
        return new CostLine(stack, resourceType, item, quantity + more, unit, unitUsd, priceId, priceRegion, assumption);
    }

    CostLine withQuantity(double q, String why) {
        return new CostLine(stack, resourceType, item, q, unit, unitUsd, priceId, priceRegion, why);
    }
}
