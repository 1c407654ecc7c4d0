package org.bulletinsearch.infra.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Whether a TCP port can be listened on, and which process holds it when it cannot: the answer a person
 * needs when {@code ./bulletin-search} finds a port taken.
 *
 * <p>The holder is found from {@code /proc/net/tcp} and {@code tcp6} (the listening socket's inode) and
 * {@code /proc/<pid>/fd} (who has that socket open), as {@code ss -ltnp} does; where there is no
 * {@code /proc} (macOS) {@code lsof} is asked. Without permission to read another user's descriptors the
 * holder is reported by its user id only.
 */
public final class Ports {

    private static final int LISTEN = 0x0A;

    private Ports() {
    }

    /** Whether a server could listen on {@code port}: nothing answers on loopback and it can be bound. */
    public static boolean isFree(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return false;
        } catch (IOException nobodyListens) {
            // expected when free
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** The process listening on {@code port}, if it can be found (and is visible to this user). */
    public static Optional<ProcessHandle> holder(int port) {
        OptionalLong inode = listeningInode(port);
        if (inode.isPresent()) {
            return processWithSocket(inode.getAsLong());
        }
        return lsof(port);
    }

    /**
     * One line naming the holder of {@code port}: {@code "pid 1234 (java -cp … KafkaServerMain …)"}, or
     * {@code "a process this user cannot see"}.
     */
    public static String describeHolder(int port) {
        return holder(port).map(Ports::describe).orElse("a process this user cannot see (try: ss -ltnp 'sport = :" + port + "')");
    }

    /** {@code pid N (command line, at most 160 characters)}. */
    public static String describe(ProcessHandle process) {
        String command = process.info().commandLine().orElse(process.info().command().orElse("?"));
        if (command.length() > 160) {
            command = command.substring(0, 157) + "...";
        }
        return "pid " + process.pid() + " (" + command + ")";
    }

    /** Waits up to {@code timeout} for {@code port} to be free; returns whether it is. */
    public static boolean awaitFree(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isFree(port)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    private static OptionalLong listeningInode(int port) {
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 10 || !f[1].contains(":") || f[0].equals("sl")) {
                        continue;
                    }
                    int localPort = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                    if (localPort == port && Integer.parseInt(f[3], 16) == LISTEN) {
                        return OptionalLong.of(Long.parseLong(f[9]));
                    }
                }
            } catch (IOException | RuntimeException noProcTable) {
                // not Linux, or an unexpected format: fall back to lsof
            }
        }
        return OptionalLong.empty();
    }

    private static Optional<ProcessHandle> processWithSocket(long inode) {
        String socket = "socket:[" + inode + "]";
        return ProcessHandle.allProcesses()
                .filter(p -> holdsSocket(p.pid(), socket))
                .findFirst();
    }

    private static boolean holdsSocket(long pid, String socket) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals(socket);
                } catch (IOException | UnsupportedOperationException gone) {
                    return false;
                }
            });
        } catch (IOException | SecurityException notVisible) {
            return false;
        }
    }

    private static Optional<ProcessHandle> lsof(int port) {
        try {
            Process lsof = new ProcessBuilder("lsof", "-nP", "-t", "-iTCP:" + port, "-sTCP:LISTEN")
                    .redirectErrorStream(true).start();
            String out = new String(lsof.getInputStream().readAllBytes()).trim();
            lsof.waitFor();
            return out.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(out.split("\\s+")[0]));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
