package org.bulletinsearch.bench.results;

/**
 * One row of the results: the platform's figure, the anchor it is set beside (the same work sent
 * straight to the engine underneath, in the same run), and the target.
 *
 * @param group the section, e.g. "1 Ingest"
 * @param id stable key for the JSON, e.g. "ingest.searchable"
 * @param name what a reader sees in the table
 * @param value the platform's measurement
 * @param anchor the engine's measurement, or null when the figure has none
 * @param target what the issue asks for, or null
 * @param note what limits the figure or how it was taken
 */
public record Figure(String group, String id, String name, Measurement value, Measurement anchor, Target target,
        String note) {

    /** Platform median / anchor median, or null without an anchor. */
    public Double ratio() {
        if (anchor == null || anchor.isEmpty() || value.isEmpty() || anchor.median() == 0) {
            return null;
        }
        return value.median() / anchor.median();
    }

    Boolean met() {
        return target == null ? null : target.met(this);
    }
}
