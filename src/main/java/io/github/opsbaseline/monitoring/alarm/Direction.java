package io.github.opsbaseline.monitoring.alarm;

/** Which side of the threshold is bad. */
public enum Direction {
    /** Breaches when the value is greater than the threshold (or above the band). */
    ABOVE("GreaterThanThreshold", "GreaterThanUpperThreshold", "above"),
    /** Breaches when the value is less than the threshold (or below the band). */
    BELOW("LessThanThreshold", "LessThanLowerThreshold", "below"),
    /** Anomaly bands only: breaches on either side of the band. */
    OUTSIDE("LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerOrGreaterThanUpperThreshold", "outside");

    private final String operator;
    private final String bandOperator;
    private final String words;

    Direction(String operator, String bandOperator, String words) {
        this.operator = operator;
        this.bandOperator = bandOperator;
        this.words = words;
    }

    /** The CloudFormation {@code ComparisonOperator} for a static threshold. */
    public String operator() {
        return operator;
    }

    /** The CloudFormation {@code ComparisonOperator} for an anomaly band. */
    public String bandOperator() {
        return bandOperator;
    }

    public String words() {
        return words;
    }

    /** Whether a warning level must be below the critical one (true when higher is worse). */
    public boolean higherIsWorse() {
        return this != BELOW;
    }
}
