package io.github.opsbaseline.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one naming scheme of the baseline: every physical name is
 * {@code <project>-<environment>-<part>-<part>...}, lower case, so that a console list sorts by
 * project and environment and an operator can tell from a name where a resource belongs.
 */
public record ResourceNames(String project, String environment) {

    /**
     * The longest prefix every derived name still fits AWS's limits with. The tightest are the DR
     * replica bucket {@code <prefix>-backup-replica-<account id>} (S3: 63 characters) and event rules
     * such as {@code <prefix>-backup-restore-job-failed} (EventBridge: 64). The environment file is
     * checked against it (with every other problem of the file, so an instance is not: the file's other
     * checks still build names from a longer prefix); {@code NameLengthTest} synthesizes prod at exactly
     * this length.
     */
    public static final int MAX_PREFIX = 35;

    private static final Pattern NAME_PART = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9-]+");

    public ResourceNames {
        requirePart("project", project);
        requirePart("environment", environment);
    }

    /** {@code <project>-<environment>}, the prefix of every name. */
    public String prefix() {
        return project + "-" + environment;
    }

    /**
     * {@code <project>-<environment>-<parts...>}; each part is lower-cased and any run of characters
     * outside {@code [a-z0-9-]} becomes one dash, so names from the config are always usable.
     */
    public String name(String... parts) {
        StringBuilder name = new StringBuilder(prefix());
        for (String part : parts) {
            String clean = NOT_ALLOWED.matcher(part.toLowerCase(Locale.ROOT)).replaceAll("-")
                    .replaceAll("^-+|-+$", "");
            if (!clean.isEmpty()) {
                name.append('-').append(clean);
            }
        }
        return name.toString();
    }

    /** {@code <project>-<env>-<resource>-<signal>-<severity>}: the alarm naming scheme. */
    public String alarmName(String resource, String signal, io.github.opsbaseline.alerting.Severity severity) {
        return name(resource, signal, severity.id());
    }

    private static void requirePart(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!NAME_PART.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be lower-case letters, digits and dashes,"
                    + " starting with a letter or digit; got \"" + value + "\"");
        }
    }
}
