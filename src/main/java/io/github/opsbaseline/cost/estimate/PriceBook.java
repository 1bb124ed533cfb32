package io.github.opsbaseline.cost.estimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dated list prices the estimate uses ({@code prices.json} beside this class): us-east-1 prices,
 * each with its source, and overrides for the regions where a different price is known. Other
 * regions are priced at us-east-1 prices, and the estimate says so.
 *
 * @param date when the prices were looked up
 * @param currency always USD
 * @param prices us-east-1 prices by id
 * @param overrides prices that differ by region: region → id → price
 */
public record PriceBook(String date, String currency, Map<String, Price> prices, Map<String, Map<String, Price>> overrides) {

    public static final String BASE_REGION = "us-east-1";

    /**
     * One price.
     *
     * @param confirmed whether the figure was read on an AWS-owned page
     * @param confidence how sure the price table is of a figure it could not confirm
     */
    public record Price(String id, String region, String description, String unit, double usd, String source,
                        boolean confirmed, String confidence) { }

    /** The prices shipped with the library. */
    public static PriceBook load() {
        try (InputStream in = PriceBook.class.getResourceAsStream("/io/github/opsbaseline/cost/prices.json")) {
            if (in == null) {
                throw new IllegalStateException("prices.json is missing from the classpath");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PriceBook parse(JsonNode root) {
        Map<String, Price> prices = new LinkedHashMap<>();
        Map<String, Map<String, Price>> overrides = new TreeMap<>();
        for (JsonNode line : root.get("lines")) {
            Price price = new Price(line.get("id").asText(), line.get("region").asText(), line.get("description").asText(),
                    line.get("unit").asText(), line.get("usd").asDouble(), line.get("source").asText(),
                    line.get("confirmed").asBoolean(), line.path("confidence").asText(""));
            if (BASE_REGION.equals(price.region())) {
                prices.put(price.id(), price);
            } else {
                String overridden = line.get("overrides").asText();
                overrides.computeIfAbsent(price.region(), r -> new TreeMap<>()).put(overridden, price);
            }
        }
        return new PriceBook(root.get("date").asText(), root.get("currency").asText(), prices, overrides);
    }

    /** The price of {@code id} in {@code region}: the region's own where known, else us-east-1's. */
    public Price price(String id, String region) {
        Price regional = overrides.getOrDefault(region, Map.of()).get(id);
        if (regional != null) {
            return regional;
        }
        Price base = prices.get(id);
        if (base == null) {
            throw new IllegalArgumentException("no price \"" + id + "\" in prices.json");
        }
        return base;
    }
}
