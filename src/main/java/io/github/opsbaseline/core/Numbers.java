package io.github.opsbaseline.core;

/** How numbers are written into names, expressions and messages: whole numbers without ".0". */
public final class Numbers {

    private Numbers() { }

    /** {@code 3.0 -> "3"}, {@code 0.5 -> "0.5"}. */
    public static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
