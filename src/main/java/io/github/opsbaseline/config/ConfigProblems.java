package io.github.opsbaseline.config;

import io.github.opsbaseline.core.Numbers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Collects every problem of an environment file so the user sees them all in one run, not one per
 * run. Validators add problems by JSON path; {@link ConfigLoader} attributes each path to the file
 * (environment or base) it came from.
 */
public final class ConfigProblems {

    /** A problem before its file is known. */
    public record Entry(String path, String message) { }

    private final List<Entry> entries = new ArrayList<>();

    /** Records that the value at {@code path} is wrong; {@code message} says expected and found. */
    public void add(String path, String message) {
        entries.add(new Entry(path, message));
    }

    /** Records a missing required field. */
    public void missing(String path) {
        add(path, "missing required field");
    }

    /** Adds a problem when {@code value} is null; returns whether it was present. */
    public boolean require(String path, Object value) {
        if (value == null) {
            missing(path);
            return false;
        }
        // A required name or id left blank would reach the templates as "" (a dimension matching nothing).
        if (value instanceof String text && text.isBlank()) {
            add(path, "expected a non-empty string, found " + quote(text));
            return false;
        }
        return true;
    }

    /** Checks a present string against a pattern; {@code what} names the expected form. */
    public void matches(String path, String value, Pattern pattern, String what) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(path, "not " + what + ": " + quote(value));
        }
    }

    /** Checks {@code min <= value <= max} for a present number. */
    public void inRange(String path, Number value, double min, double max) {
        if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
            add(path, "expected a number from " + Numbers.plain(min) + " to " + Numbers.plain(max)
                    + ", found " + Numbers.plain(value.doubleValue()));
        }
    }

    /** Checks that the warning threshold fires before the critical one. */
    public void warningBeforeCritical(String path, Number warning, Number critical, boolean higherIsWorse) {
        warningBeforeCritical(path, warning, critical, higherIsWorse, "");
    }

    /** The same, with {@code context} (e.g. where the levels come from) after "the critical one". */
    public void warningBeforeCritical(String path, Number warning, Number critical, boolean higherIsWorse, String context) {
        String problem = levelOrderProblem(warning, critical, higherIsWorse, context);
        if (problem != null) {
            add(path, problem);
        }
    }

    /**
     * The rule {@link #warningBeforeCritical} applies, for callers that throw instead of collecting (the
     * constructs given levels in code): the warning level strictly before the critical one on the bad
     * side; null when it holds or either level is absent.
     */
    public static String levelOrderProblem(Number warning, Number critical, boolean higherIsWorse, String context) {
        if (warning == null || critical == null) {
            return null;
        }
        boolean ok = higherIsWorse ? warning.doubleValue() < critical.doubleValue()
                : warning.doubleValue() > critical.doubleValue();
        return ok ? null : "warning threshold must be " + (higherIsWorse ? "below" : "above")
                + " the critical one" + context + ", found warning " + Numbers.plain(warning.doubleValue())
                + " and critical " + Numbers.plain(critical.doubleValue());
    }

    /** Reports every name that appears twice in a list, at the second occurrence. */
    public <T> void unique(String listPath, List<T> items, Function<T, String> key, String field) {
        if (items == null) {
            return;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String k = items.get(i) == null ? null : key.apply(items.get(i));
            if (k != null && !seen.add(k)) {
                add(JsonPaths.index(listPath, i) + "." + field, "duplicate " + field + ": " + quote(k));
            }
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    void addAll(Collection<Entry> more) {
        entries.addAll(more);
    }

    /** A value as it would appear in JSON, for messages. */
    public static String quote(Object value) {
        if (value instanceof String s) {
            return "\"" + JsonPaths.escape(s, '"') + "\"";
        }
        return String.valueOf(value);
    }

}
