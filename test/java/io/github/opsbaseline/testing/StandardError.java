package io.github.opsbaseline.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a piece of code prints on {@code System.err}, for tests of the one-line messages of a synth. */
public final class StandardError {

    private StandardError() { }

    /** Runs {@code action} with {@code System.err} captured, and returns what it printed there. */
    public static String of(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
