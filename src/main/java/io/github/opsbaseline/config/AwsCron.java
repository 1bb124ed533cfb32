package io.github.opsbaseline.config;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks AWS cron expressions as AWS Backup and EventBridge read them:
 * {@code cron(minutes hours day-of-month month day-of-week year)}, six fields, and exactly one of
 * day-of-month and day-of-week is {@code ?}. CloudFormation only reports a bad expression at
 * deploy time, so the baseline checks it before synth.
 */
public final class AwsCron {

    private AwsCron() { }

    private static final Pattern WRAPPED = Pattern.compile("cron\\((.*)\\)");
    private static final String MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC";
    private static final String DAYS = "SUN|MON|TUE|WED|THU|FRI|SAT";

    private record Field(String name, int min, int max, String names, String extra) { }

    private static final List<Field> FIELDS = List.of(
            new Field("minutes", 0, 59, null, ""),
            new Field("hours", 0, 23, null, ""),
            new Field("day-of-month", 1, 31, null, "LW?"),
            new Field("month", 1, 12, MONTHS, ""),
            new Field("day-of-week", 1, 7, DAYS, "L#?"),
            new Field("year", 1970, 2199, null, ""));

    /** Null when {@code expression} is a valid AWS cron expression, else what is wrong with it. */
    public static String problem(String expression) {
        if (expression == null) {
            return "expected an AWS cron expression such as \"cron(0 2 ? * * *)\", found null";
        }
        var m = WRAPPED.matcher(expression.trim());
        if (!m.matches()) {
            return "expected an AWS cron expression \"cron(minutes hours day-of-month month day-of-week year)\", found "
                    + ConfigProblems.quote(expression);
        }
        String[] parts = m.group(1).trim().split("\\s+");
        if (parts.length != 6) {
            return "expected 6 cron fields (minutes hours day-of-month month day-of-week year), found "
                    + parts.length + " in " + ConfigProblems.quote(expression);
        }
        // The expression goes into the template as written: keep it in the one form AWS documents.
        String canonical = "cron(" + String.join(" ", parts) + ")";
        if (!expression.equals(canonical)) {
            return "expected the fields separated by single spaces and no space around them (" + ConfigProblems.quote(canonical)
                    + "), found " + ConfigProblems.quote(expression);
        }
        for (int i = 0; i < 6; i++) {
            String p = fieldProblem(FIELDS.get(i), parts[i]);
            if (p != null) {
                return p + " in " + ConfigProblems.quote(expression);
            }
        }
        boolean domAny = parts[2].equals("?");
        boolean dowAny = parts[4].equals("?");
        if (domAny == dowAny) {
            return "expected \"?\" in exactly one of day-of-month and day-of-week, found "
                    + (domAny ? "both" : "neither") + " in " + ConfigProblems.quote(expression);
        }
        return null;
    }

    /**
     * Null when the expression fires at most once an hour (AWS Backup's minimum interval between
     * scheduled backups), else the problem: the minutes field must be one number.
     */
    public static String hourlyOrLessProblem(String expression) {
        var m = WRAPPED.matcher(expression.trim());
        if (!m.matches()) {
            return null;
        }
        String minutes = m.group(1).trim().split("\\s+")[0];
        return minutes.matches("\\d{1,2}") ? null
                : "expected a single minute (AWS Backup runs a rule at most once an hour), found minutes field "
                        + ConfigProblems.quote(minutes);
    }

    /** Days in each month, February counted at 29: a leap year's day still fires some year. */
    private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    /**
     * Null when a valid expression fires at some time from {@code thisYear} on, else why it never
     * will: every year it names is past, or none of its months has a day-of-month it names (31 in
     * April, 30 in February). AWS accepts both and the rule then never runs, with no error anywhere.
     * Days given as {@code L} or {@code W} are taken to fire.
     */
    public static String neverFiresProblem(String expression, int thisYear) {
        var m = WRAPPED.matcher(expression.trim());
        String[] parts = m.matches() ? m.group(1).trim().split("\\s+") : new String[0];
        if (parts.length != 6 || problem(expression) != null) {
            return null;
        }
        BitSet years = values(FIELDS.get(5), parts[5]);
        if (years.length() - 1 < thisYear) {
            return "never fires: every year of " + ConfigProblems.quote(parts[5]) + " is past"
                    + ", in " + ConfigProblems.quote(expression);
        }
        BitSet days = parts[2].equals("?") || parts[2].contains("L") || parts[2].contains("W") ? null
                : values(FIELDS.get(2), parts[2]);
        if (days != null) {
            BitSet months = values(FIELDS.get(3), parts[3]);
            int longest = months.stream().map(month -> DAYS_IN_MONTH[month - 1]).max().orElse(0);
            if (days.nextSetBit(0) > longest) {
                return "never fires: none of the months " + ConfigProblems.quote(parts[3]) + " has a day "
                        + ConfigProblems.quote(parts[2]) + ", in " + ConfigProblems.quote(expression);
            }
        }
        return null;
    }

    /** The values a valid numeric field (items of numbers, names, ranges, steps and *) takes. */
    private static BitSet values(Field f, String value) {
        BitSet set = new BitSet();
        int size = f.max() - f.min() + 1;
        for (String item : value.split(",")) {
            String base = item;
            int step = 1;
            if (item.contains("/")) {
                base = item.substring(0, item.indexOf('/'));
                step = Integer.parseInt(item.substring(item.indexOf('/') + 1));
            }
            int from;
            int to;
            if (base.equals("*")) {
                from = f.min();
                to = f.max();
            } else if (base.contains("-")) {
                from = value(f, base.substring(0, base.indexOf('-')));
                to = value(f, base.substring(base.indexOf('-') + 1));
            } else {
                from = value(f, base);
                to = item.contains("/") ? f.max() : from;
            }
            // a range may wrap past the field's end (NOV-FEB)
            int span = Math.floorMod(to - from, size);
            for (int k = 0; k <= span; k += step) {
                set.set(f.min() + Math.floorMod(from - f.min() + k, size));
            }
        }
        return set;
    }

    private static int value(Field f, String text) {
        if (f.names() != null && text.matches(f.names())) {
            return List.of(f.names().split("\\|")).indexOf(text) + f.min();
        }
        return Integer.parseInt(text);
    }

    private static String fieldProblem(Field f, String value) {
        if (value.equals("?")) {
            return f.extra().contains("?") ? null : "\"?\" is only allowed in day-of-month or day-of-week";
        }
        for (String item : value.split(",", -1)) {
            String p = itemProblem(f, item);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String itemProblem(Field f, String item) {
        String bad = "not a valid " + f.name() + " value: " + ConfigProblems.quote(item);
        if (item.isEmpty()) {
            return bad;
        }
        boolean dom = f.name().equals("day-of-month");
        boolean dow = f.name().equals("day-of-week");
        if ((dom && (item.equals("L") || item.equals("LW"))) || (dow && item.equals("L"))) {
            return null;
        }
        if (dom && item.matches("\\d{1,2}W")) {
            return number(f, item.substring(0, item.length() - 1), bad);
        }
        if (dow && item.matches("[0-9A-Z]{1,3}L")) {
            return number(f, item.substring(0, item.length() - 1), bad);
        }
        if (dow && item.contains("#")) {
            String[] hash = item.split("#", -1);
            if (hash.length != 2 || !hash[1].matches("[1-5]")) {
                return bad;
            }
            return number(f, hash[0], bad);
        }
        String base = item;
        if (item.contains("/")) {
            String[] slash = item.split("/", -1);
            if (slash.length != 2 || !slash[1].matches("\\d{1,4}") || Integer.parseInt(slash[1]) == 0) {
                return bad;
            }
            base = slash[0];
        }
        if (base.equals("*")) {
            return null;
        }
        if (base.contains("-")) {
            String[] range = base.split("-", -1);
            if (range.length != 2) {
                return bad;
            }
            String a = number(f, range[0], bad);
            return a != null ? a : number(f, range[1], bad);
        }
        return number(f, base, bad);
    }

    private static String number(Field f, String text, String bad) {
        if (f.names() != null && text.matches(f.names())) {
            return null;
        }
        if (!text.matches("\\d{1,4}")) {
            return bad;
        }
        int n = Integer.parseInt(text);
        if (n < f.min() || n > f.max()) {
            return f.name() + " out of range " + f.min() + "-" + f.max() + ": " + ConfigProblems.quote(text);
        }
        return null;
    }
}
