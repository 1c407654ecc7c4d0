package org.bulletinsearch.platform;

/** Progress lines on stdout, timed from the first, as {@code ./bulletin-search} and {@code bench/run} print them. */
public final class Console {

    private static final long STARTED = System.nanoTime();

    private Console() {
    }

    /** One progress line: {@code [  12.3s] line}. */
    public static synchronized void say(String line) {
        System.out.printf("[%6.1fs] %s%n", (System.nanoTime() - STARTED) / 1e9, line);
        System.out.flush();
    }
}
