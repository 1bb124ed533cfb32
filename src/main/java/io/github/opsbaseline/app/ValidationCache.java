package io.github.opsbaseline.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awscdk.PolicyValidationStack;
import software.amazon.awscdk.PolicyViolation;

/**
 * The template validator's findings for each template, kept between synths, so a synth validates only
 * the templates that changed since one before it. The validator is a pure function of what the key
 * holds: the template's bytes and file name, its stack's construct path (findings without a resource
 * name it), the account and region (the rules see them as pseudo parameters), the rule engine's
 * version and the aws-cdk-lib release (which rules the CDK's plugin skips). A hit is the findings
 * the validator gave that template alone, so merged they are what validating it again would give.
 *
 * <p>Where: {@value #SWITCH} names a directory, {@code off} turns the cache off; unset, it is
 * {@code $XDG_CACHE_HOME/ops-baseline/validation} or {@code ~/.cache/ops-baseline/validation}. Not in
 * the cloud assembly: the CDK refuses a validation plugin that changes a file it found there. One small
 * file per template; entries unused for {@link #KEEP} are removed after each validation. Deleting the
 * directory is always safe. A cache that cannot be read or written never fails a synth: it is a miss,
 * and after the first failed write the synth goes on without it, with one line on stderr. Whoever can
 * write the directory can make a synth skip findings, so it is the user's own unless they choose.
 */
final class ValidationCache {

    /** The environment variable naming the cache's directory, or {@value #OFF}. */
    static final String SWITCH = NestedStackValidation.CACHE_SWITCH;
    static final String OFF = "off";
    /** Entries not used for this long are removed. */
    static final Duration KEEP = Duration.ofDays(30);
    /** Part of every key: changing what an entry holds, or how it is keyed, starts afresh. */
    private static final String FORMAT = "ops-baseline validation cache 1";

    private final Path directory;
    private final Clock clock;
    private boolean writable = true;
    private int hits;

    /** @param directory where the entries are, or null for no cache */
    ValidationCache(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The cache {@value #SWITCH} names, or the user's cache directory when it is unset. */
    static ValidationCache fromEnvironment() {
        return new ValidationCache(directory(System.getenv(SWITCH), System.getenv("XDG_CACHE_HOME"),
                System.getProperty("user.home")), Clock.systemUTC());
    }

    static ValidationCache off() {
        return new ValidationCache(null, Clock.systemUTC());
    }

    /** The directory a setting of {@value #SWITCH} names, or null when it says {@value #OFF}. */
    static Path directory(String setting, String xdgCacheHome, String home) {
        if (setting != null && !setting.isBlank()) {
            return OFF.equals(setting.strip()) ? null : Path.of(setting.strip()).toAbsolutePath();
        }
        Path base = xdgCacheHome != null && !xdgCacheHome.isBlank() ? Path.of(xdgCacheHome) : Path.of(home, ".cache");
        return base.resolve("ops-baseline").resolve("validation").toAbsolutePath();
    }

    boolean enabled() {
        return directory != null;
    }

    /** Templates answered from the cache so far, for tests and diagnostics. */
    int hits() {
        return hits;
    }

    /** The key of {@code stack}'s findings: a SHA-256 over everything the validator's answer depends on. */
    static String key(PolicyValidationStack stack, String accountId, String region, String engineVersion,
                      String cdkVersion) {
        Path template = Path.of(stack.getTemplatePath());
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (String field : new String[] {FORMAT, cdkVersion, engineVersion, accountId, region,
                stack.getStackConstructPath(), template.getFileName().toString()}) {
            // length-prefixed, and null apart from empty, so no two field lists share a digest input
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(5).put((byte) (field == null ? 0 : 1)).putInt(bytes.length).array());
            sha.update(bytes);
        }
        try {
            sha.update(Files.readAllBytes(template));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The findings kept under {@code key}, each resource given {@code templatePath}; empty on a miss. */
    Optional<List<PolicyViolation>> get(String key, String templatePath) {
        if (directory == null) {
            return Optional.empty();
        }
        Path entry = entry(key);
        try {
            JsonNode violations = ViolationsJson.JSON.readTree(entry.toFile());
            if (violations == null || !violations.isArray()) {
                return Optional.empty();
            }
            List<PolicyViolation> found = ViolationsJson.read(violations, templatePath);
            touch(entry);
            hits++;
            return Optional.of(found);
        } catch (IOException | RuntimeException e) {
            // missing, half-written by a crashed synth, or unreadable: validate it again
            return Optional.empty();
        }
    }

    /** Keeps {@code violations}, one template's findings, under {@code key}. */
    void put(String key, List<PolicyViolation> violations) {
        if (directory == null || !writable) {
            return;
        }
        Path entry = entry(key);
        Path temporary = null;
        try {
            Files.createDirectories(entry.getParent());
            temporary = Files.createTempFile(entry.getParent(), key, ".tmp");
            ViolationsJson.JSON.writeValue(temporary.toFile(), ViolationsJson.withoutTemplatePaths(violations));
            // whole or not at all, whichever synth writes it first: equal keys hold equal findings
            Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            writable = false;
            System.err.println("template validation cache " + directory + " is not writable (" + e
                    + "); this synth goes on without it");
            deleteQuietly(temporary);
        }
    }

    /** Removes entries, and temporary files of interrupted writes, not used for {@link #KEEP}. */
    void prune() {
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        FileTime oldest = FileTime.from(Instant.now(clock).minus(KEEP));
        try (Stream<Path> files = Files.walk(directory, 2)) {
            files.filter(Files::isRegularFile).filter(f -> isOlder(f, oldest)).forEach(ValidationCache::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // an entry left for the next synth to prune
        }
    }

    private Path entry(String key) {
        return directory.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    private void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now(clock)));
        } catch (IOException e) {
            // pruned a little early at worst
        }
    }

    private static boolean isOlder(Path file, FileTime oldest) {
        try {
            return Files.getLastModifiedTime(file).compareTo(oldest) < 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // removed by the next prune
        }
    }
}
