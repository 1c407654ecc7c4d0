package org.bulletinsearch.bench.results;

import java.util.Locale;

/** Number formatting for the tables: three significant digits are more than the noise allows. */
public final class Numbers {

    private Numbers() {
    }

    /** A table value: three significant digits below 1,000, whole numbers grouped by thousands above; n/a for NaN. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Rounds for JSON: keeps files readable without losing what matters. */
    public static double round(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double abs = Math.abs(value);
        double scale = abs >= 100 ? 10 : abs >= 1 ? 1000 : 100000;
        return Math.round(value * scale) / scale;
    }
}
