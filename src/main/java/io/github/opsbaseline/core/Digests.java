package io.github.opsbaseline.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awscdk.Stack;
import software.constructs.IConstruct;

/**
 * SHA-256 digests for names and ids that must follow their inputs and nothing else: the same on every
 * JVM and every run, so a template changes only when what it was made from changes.
 */
public final class Digests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Digests() { }

    /** The SHA-256 of {@code text} as UTF-8. */
    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The first 8 hex digits of {@link #sha256}: short enough for a name, enough to tell inputs apart. */
    public static String shortHex(String text) {
        return HexFormat.of().formatHex(sha256(text), 0, 4);
    }

    /**
     * {@code value} as the template will write it, as JSON: a token (an ARN known only at deploy) becomes
     * the reference it resolves to, e.g. {@code {"Ref":"AlbA"}}, which is stable where the token is not.
     */
    public static String resolvedJson(IConstruct scope, Object value) {
        try {
            return JSON.writeValueAsString(Stack.of(scope).resolve(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a resolved template value is JSON", e);
        }
    }
}
