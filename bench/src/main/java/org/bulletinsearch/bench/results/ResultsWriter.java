package org.bulletinsearch.bench.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Writes {@code latest.md} (the table people read) and {@code latest.json} (for tools and trends). */
public final class ResultsWriter {

    public static final String README_START = "<!-- bench:latest:start -->";
    public static final String README_END = "<!-- bench:latest:end -->";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ResultsWriter() {
    }

    /** Writes {@code latest.md} and {@code latest.json} into {@code directory}. */
    public static void write(Results results, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("latest.md"), markdown(results), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("latest.json"), JSON.writeValueAsString(json(results)) + "\n",
                StandardCharsets.UTF_8);
    }

    /** Replaces the part of the README between the markers with the latest table. */
    public static boolean updateReadme(Results results, Path readme) throws IOException {
        if (!Files.isRegularFile(readme)) {
            return false;
        }
        String text = Files.readString(readme);
        int start = text.indexOf(README_START);
        int end = text.indexOf(README_END);
        if (start < 0 || end < start) {
            return false;
        }
        String updated = text.substring(0, start + README_START.length()) + "\n" + markdownBody(results) + "\n"
                + text.substring(end);
        Files.writeString(readme, updated, StandardCharsets.UTF_8);
        return true;
    }

    /** The results as the Markdown of {@code latest.md}. */
    public static String markdown(Results results) {
        return "# Bulletin Search benchmark, " + WHEN.format(results.started()) + "\n\n" + markdownBody(results);
    }

    static String markdownBody(Results results) {
        StringBuilder md = new StringBuilder();
        md.append("Command: `").append(results.command()).append("`, ")
                .append(String.format("%.1f", results.took().toMillis() / 60000.0)).append(" min")
                .append(results.complete() ? "" : " (**incomplete run**, see notes)").append(".  \n");
        md.append("Machine: ").append(results.machine().describe()).append(".  \n");
        md.append("Versions: ");
        boolean first = true;
        for (Map.Entry<String, String> version : results.versions().entrySet()) {
            md.append(first ? "" : ", ").append(version.getKey()).append(" ").append(version.getValue());
            first = false;
        }
        md.append(".  \n");
        md.append("Each figure is the median over rounds with the spread (min–max) in brackets; the anchor is the same"
                + " work sent straight to Kafka, OpenSearch or PostgreSQL in the same run, on the same machine. The"
                + " load generator runs on the same 2 cores as everything else.\n\n");
        md.append("| # | Figure | Platform | Anchor (same run) | Ratio | Target | Met |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Figure figure : results.figures()) {
            Double ratio = figure.ratio();
            Boolean met = figure.met();
            md.append("| ").append(figure.group())
                    .append(" | ").append(figure.name())
                    .append(" | ").append(figure.value().describe())
                    .append(" | ").append(figure.anchor() == null ? "–"
                            : figure.anchor().label() + ": " + figure.anchor().describe())
                    .append(" | ").append(ratio == null ? "–" : Numbers.format(ratio) + "×")
                    .append(" | ").append(figure.target() == null ? "–" : figure.target().text())
                    .append(" | ").append(met == null ? "–" : met ? "yes" : "**no**")
                    .append(" |\n");
        }
        md.append("\n**How each figure was taken, and what limits it**\n\n");
        for (Figure figure : results.figures()) {
            if (figure.note() != null && !figure.note().isBlank()) {
                md.append("- ").append(figure.name()).append(": ").append(figure.note()).append("\n");
            }
        }
        if (!results.notes().isEmpty()) {
            md.append("\n**Run notes**\n\n");
            results.notes().forEach(note -> md.append("- ").append(note).append("\n"));
        }
        md.append("\nSettings: ");
        first = true;
        for (Map.Entry<String, Object> setting : results.settings().entrySet()) {
            md.append(first ? "" : ", ").append(setting.getKey()).append("=").append(setting.getValue());
            first = false;
        }
        md.append(".  \nPhases (s): ");
        first = true;
        for (Map.Entry<String, Double> phase : results.phaseSeconds().entrySet()) {
            md.append(first ? "" : ", ").append(phase.getKey()).append(" ").append(Numbers.format(phase.getValue()));
            first = false;
        }
        md.append(".\n");
        return md.toString();
    }

    static ObjectNode json(Results results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("started", results.started().toString());
        root.put("tookSeconds", results.took().toMillis() / 1000.0);
        root.put("complete", results.complete());
        root.put("command", results.command());
        root.set("machine", JSON.valueToTree(results.machine()));
        ObjectNode versions = root.putObject("versions");
        results.versions().forEach(versions::put);
        root.set("settings", JSON.valueToTree(results.settings()));
        ArrayNode figures = root.putArray("figures");
        for (Figure figure : results.figures()) {
            ObjectNode node = figures.addObject();
            node.put("group", figure.group());
            node.put("id", figure.id());
            node.put("name", figure.name());
            node.set("value", measurement(figure.value()));
            if (figure.anchor() != null) {
                node.set("anchor", measurement(figure.anchor()));
            }
            Double ratio = figure.ratio();
            if (ratio != null) {
                node.put("ratio", Numbers.round(ratio));
            }
            if (figure.target() != null) {
                ObjectNode target = node.putObject("target").setAll(JSON.<ObjectNode>valueToTree(figure.target()));
                target.set("met", JSON.valueToTree(figure.met()));
            }
            if (figure.note() != null) {
                node.put("note", figure.note());
            }
        }
        ArrayNode notes = root.putArray("notes");
        results.notes().forEach(notes::add);
        ObjectNode phases = root.putObject("phaseSeconds");
        results.phaseSeconds().forEach(phases::put);
        return root;
    }

    private static ObjectNode measurement(Measurement measurement) {
        ObjectNode node = JSON.createObjectNode();
        node.put("label", measurement.label());
        node.put("unit", measurement.unit());
        node.put("rounds", measurement.rounds());
        if (!measurement.isEmpty()) {
            node.put("median", Numbers.round(measurement.median()));
            node.put("min", Numbers.round(measurement.min()));
            node.put("max", Numbers.round(measurement.max()));
        }
        ArrayNode values = node.putArray("values");
        measurement.values().forEach(v -> values.add(Numbers.round(v)));
        return node;
    }
}
