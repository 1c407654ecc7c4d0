package org.bulletinsearch.bench.results;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one benchmark run found, written as Markdown and JSON by {@link ResultsWriter}. */
public final class Results {

    private final Instant started = Instant.now();
    private final long startedNanos = System.nanoTime();
    private final String command;
    private final MachineFacts machine;
    private final Map<String, String> versions = new LinkedHashMap<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Double> phaseSeconds = new LinkedHashMap<>();
    private Duration took;
    private boolean complete;

    public Results(String command, MachineFacts machine) {
        this.command = command;
        this.machine = machine;
    }

    public synchronized void add(Figure figure) {
        figures.add(figure);
    }

    public synchronized void note(String note) {
        notes.add(note);
    }

    public synchronized void version(String name, String value) {
        versions.put(name, value);
    }

    public synchronized void setting(String name, Object value) {
        settings.put(name, value);
    }

    public synchronized void phase(String name, Duration duration) {
        phaseSeconds.put(name, duration.toMillis() / 1000.0);
    }

    public synchronized void finish(boolean complete) {
        this.complete = complete;
        this.took = Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    public Instant started() {
        return started;
    }

    public String command() {
        return command;
    }

    public MachineFacts machine() {
        return machine;
    }

    public synchronized Map<String, String> versions() {
        return new LinkedHashMap<>(versions);
    }

    public synchronized Map<String, Object> settings() {
        return new LinkedHashMap<>(settings);
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    public synchronized Map<String, Double> phaseSeconds() {
        return new LinkedHashMap<>(phaseSeconds);
    }

    public Duration took() {
        return took == null ? Duration.ofNanos(System.nanoTime() - startedNanos) : took;
    }

    public boolean complete() {
        return complete;
    }
}
