package org.bulletinsearch.bench.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One figure measured over several rounds: reported as the median with the spread (min-max), so a
 * single noisy round on a shared 2-core machine does not decide the result.
 *
 * @param label what was measured, e.g. "platform" or "raw _bulk"
 * @param unit e.g. "articles/s", "ms", "MB"
 * @param values one value per round, in round order
 */
public record Measurement(String label, String unit, List<Double> values) {

    public Measurement {
        values = List.copyOf(values);
    }

    /** One value per round. */
    public static Measurement of(String label, String unit, List<Double> values) {
        return new Measurement(label, unit, values);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    int rounds() {
        return values.size();
    }

    double median() {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = sorted();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return values.isEmpty() ? Double.NaN : sorted().get(0);
    }

    double max() {
        return values.isEmpty() ? Double.NaN : sorted().get(values.size() - 1);
    }

    private List<Double> sorted() {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted;
    }

    /** "1,234 articles/s (1,100-1,300)" */
    public String describe() {
        if (values.isEmpty()) {
            return "not measured";
        }
        String median = Numbers.format(median());
        if (values.size() == 1) {
            return median + " " + unit + " (1 round)";
        }
        return median + " " + unit + " (" + Numbers.format(min()) + "–" + Numbers.format(max()) + ")";
    }
}
