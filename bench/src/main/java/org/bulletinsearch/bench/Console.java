package org.bulletinsearch.bench;

/** Progress lines with the time since start, like ./bulletin-search prints them. */
public final class Console {

    private static final long STARTED = System.nanoTime();

    private Console() {
    }

    public static synchronized void say(String line) {
        System.out.printf("[%6.1fs] %s%n", (System.nanoTime() - STARTED) / 1e9, line);
        System.out.flush();
    }
}
