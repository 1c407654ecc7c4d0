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

    /** Results of {@code command} on {@code machine}, started now. */
    public Results(String command, MachineFacts machine) {
        this.command = command;
        this.machine = machine;
    }

    /** Adds a figure. */
    public synchronized void add(Figure figure) {
        figures.add(figure);
    }

    /** Adds a run note. */
    public synchronized void note(String note) {
        notes.add(note);
    }

    /** Records a component's version. */
    public synchronized void version(String name, String value) {
        versions.put(name, value);
    }

    /** Records a setting of the run. */
    public synchronized void setting(String name, Object value) {
        settings.put(name, value);
    }

    /** Records how long a phase took. */
    public synchronized void phase(String name, Duration duration) {
        phaseSeconds.put(name, duration.toMillis() / 1000.0);
    }

    /** Ends the run; {@code complete} when every phase ran. */
    public synchronized void finish(boolean complete) {
        this.complete = complete;
        this.took = Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    Instant started() {
        return started;
    }

    String command() {
        return command;
    }

    /** The machine the run is on. */
    public MachineFacts machine() {
        return machine;
    }

    synchronized Map<String, String> versions() {
        return new LinkedHashMap<>(versions);
    }

    synchronized Map<String, Object> settings() {
        return new LinkedHashMap<>(settings);
    }

    synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    synchronized Map<String, Double> phaseSeconds() {
        return new LinkedHashMap<>(phaseSeconds);
    }

    Duration took() {
        return took == null ? Duration.ofNanos(System.nanoTime() - startedNanos) : took;
    }

    boolean complete() {
        return complete;
    }
}
