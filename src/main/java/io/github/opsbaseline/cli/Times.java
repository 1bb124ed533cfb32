package io.github.opsbaseline.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Time formats of the report: ISO-8601 UTC to the second in JSON, minutes in the table. */
final class Times {

    private static final DateTimeFormatter TABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Times() { }

    static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String table(String iso) {
        return iso == null ? "-" : TABLE.format(Instant.parse(iso));
    }

    static Double round(Double value, int places) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return null;
        }
        return java.math.BigDecimal.valueOf(value).setScale(places, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
