package org.bulletinsearch.bench.results;

/**
 * What a figure should reach, from the benchmark issue. The benchmark reports whether it does; it
 * never fails because of it.
 */
public record Target(String text, Kind kind, double limit) {

    /** How a figure is compared with its target. */
    public enum Kind {
        /** the figure's median is at least {@code limit} times the anchor's (throughput) */
        AT_LEAST_TIMES_ANCHOR,
        /** the figure's median is at most {@code limit} times the anchor's (latency) */
        AT_MOST_TIMES_ANCHOR,
        /** the figure's median is at most {@code limit}, in the figure's unit */
        AT_MOST,
        /** the figure's median is at least {@code limit}, in the figure's unit (throughput) */
        AT_LEAST
    }

    /** At least {@code factor} times the anchor (throughput). */
    public static Target atLeastTimesAnchor(double factor) {
        return new Target("≥ " + factor + "× anchor", Kind.AT_LEAST_TIMES_ANCHOR, factor);
    }

    /** At most {@code factor} times the anchor (latency). */
    public static Target atMostTimesAnchor(double factor) {
        return new Target("≤ " + factor + "× anchor", Kind.AT_MOST_TIMES_ANCHOR, factor);
    }

    /** At most {@code limit} in the figure's unit. */
    public static Target atMost(double limit, String unit) {
        return new Target("≤ " + Numbers.format(limit) + " " + unit, Kind.AT_MOST, limit);
    }

    /** At least {@code limit} in the figure's unit. */
    public static Target atLeast(double limit, String unit) {
        return new Target("≥ " + Numbers.format(limit) + " " + unit, Kind.AT_LEAST, limit);
    }

    /** Whether the figure meets the target; null when it could not be measured. */
    public Boolean met(Figure figure) {
        if (figure.value().isEmpty()) {
            return null;
        }
        double value = figure.value().median();
        return switch (kind) {
            case AT_MOST -> value <= limit;
            case AT_LEAST -> value >= limit;
            case AT_LEAST_TIMES_ANCHOR -> figure.ratio() == null ? null : figure.ratio() >= limit;
            case AT_MOST_TIMES_ANCHOR -> figure.ratio() == null ? null : figure.ratio() <= limit;
        };
    }
}
