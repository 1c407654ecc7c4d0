package org.bulletinsearch.infra.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.infra.support.JvmProcess.Readiness;
import org.bulletinsearch.infra.support.JvmProcess.StopRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small child JVMs (this class's {@link #main}), spawned, awaited and stopped the way servers and services are. */
class JvmProcessTest {

    private static final Duration START = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    /** The child: {@code ready}, {@code crash-on-stop}, {@code helper}, {@code fail}, {@code exit} or {@code http PORT}. */
    public static void main(String[] args) throws Exception {
        System.out.println("child starting; " + System.getenv("CHILD_GREETING"));
        switch (args[0]) {
            case "ready" -> {
                System.out.println(ServerMain.READY_PREFIX + "name=child port=4711");
                System.out.flush();
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
                System.out.println("stdin closed, stopping");
            }
            case "crash-on-stop" -> {
                System.out.println(ServerMain.READY_PREFIX + "name=child");
                System.out.flush();
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
                Runtime.getRuntime().halt(134); // as a JVM's fatal error ends it (SIGABRT)
            }
            case "helper" -> {
                // A process of its own that would outlive it, as a server's helper left running does.
                Process helper = new ProcessBuilder("tail", "-f", "/dev/null").start();
                System.out.println(ServerMain.READY_PREFIX + "name=child helper=" + helper.pid());
                System.out.flush();
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            case "fail" -> {
                System.out.println(ServerMain.FAILED_PREFIX + "child: no disk left");
                System.exit(1);
            }
            case "exit" -> System.exit(3);
            case "http" -> {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 0);
                server.createContext("/ready", exchange -> {
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
                server.start();
                Thread.currentThread().join(); // serves until the test kills it
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** A child of this test class, run like a server (ready line, stdin) or a service (HTTP, SIGTERM). */
    private final class Child extends JvmProcess {
        private final List<String> args;
        private final List<Boolean> exits = new ArrayList<>();

        Child(Readiness readiness, StopRequest stopBy, String... args) {
            super("child", tmp.resolve("logs/child.log"), readiness, stopBy, true, START);
            this.args = List.of(args);
        }

        @Override
        protected List<String> command() {
            List<String> command = new ArrayList<>(List.of("-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), JvmProcessTest.class.getName()));
            command.addAll(args);
            return command;
        }

        @Override
        protected Map<String, String> environment() {
            return Map.of("CHILD_GREETING", "hello from the environment");
        }

        @Override
        protected void exited(boolean normally) {
            exits.add(normally);
        }
    }

    @Test
    void readyAtItsReadyLineStoppedByClosingItsStdinAndStartedAgain() throws Exception {
        Child process = new Child(Readiness.readyLine(), StopRequest.CLOSE_STDIN, "ready");
        process.start();

        assertThat(process.announced()).containsExactly(Map.entry("name", "child"), Map.entry("port", "4711"));
        assertThat(process.isRunning()).isTrue();
        long firstPid = process.pid();
        process.stop();
        assertThat(process.isRunning()).isFalse();
        assertThat(process.exits).containsExactly(true);
        assertThat(process.lastExitStatus()).isZero();
        assertThat(process.stoppedAsAsked()).isTrue();
        assertThat(tmp.resolve("logs/child.log")).content().contains("---- child starting ----",
                "child starting; hello from the environment", "stdin closed, stopping");

        process.start();
        assertThat(process.pid()).isPositive().isNotEqualTo(firstPid);
        process.close();
        assertThat(process.exits).containsExactly(true, true);
    }

    @Test
    void aChildThatCrashesWhileStoppingDidNotStopAsAsked() {
        Child process = new Child(Readiness.readyLine(), StopRequest.CLOSE_STDIN, "crash-on-stop");
        process.start();
        process.stop();

        assertThat(process.lastExitStatus()).isEqualTo(134);
        assertThat(process.stoppedAsAsked()).isFalse();
        assertThat(process.exits).containsExactly(false);
    }

    @Test
    void stopReturnsOnlyOnceTheProcessesTheChildStartedAreGone() {
        Child process = new Child(Readiness.readyLine(), StopRequest.CLOSE_STDIN, "helper");
        process.start();
        ProcessHandle helper = ProcessHandle.of(Long.parseLong(process.announced().get("helper"))).orElseThrow();

        process.stop();
        assertThat(helper.isAlive()).as("the child's helper, after stop()").isFalse();
        assertThat(process.exits).containsExactly(true);
    }

    @Test
    void aFailedLineFailsTheStartWithItsReasonAndTheLogFile() {
        Child process = new Child(Readiness.readyLine(), StopRequest.CLOSE_STDIN, "fail");
        assertThatThrownBy(process::start)
                .isInstanceOf(InfrastructureException.class)
                .hasMessageContaining("child failed to start: child: no disk left")
                .hasMessageContaining(tmp.resolve("logs/child.log").toString());
        assertThat(process.isRunning()).isFalse();
        assertThat(process.exits).containsExactly(false);
    }

    @Test
    void aChildThatExitsBeforeItIsReadyIsReportedWithItsLastOutput() {
        assertThatThrownBy(() -> new Child(Readiness.readyLine(), StopRequest.CLOSE_STDIN, "exit").start())
                .isInstanceOf(InfrastructureException.class)
                .hasMessageContaining("child exited with code 3 before it was ready")
                .hasMessageContaining("child starting");
    }

    @Test
    void readyWhenItsHealthUrlAnswers200AndStoppedBySigterm() {
        int port = ServerMain.freePort();
        Child process = new Child(Readiness.httpOk(URI.create("http://127.0.0.1:" + port + "/ready")), StopRequest.SIGTERM,
                "http", Integer.toString(port));
        process.start();

        assertThat(process.announced()).isEmpty();
        assertThat(process.startTime()).isPositive();
        process.stop();
        assertThat(process.exits).containsExactly(true);
        assertThat(process.lastExitStatus()).isEqualTo(143);
        assertThat(Ports.isFree(port)).isTrue();
    }

    @Test
    void killEndsItAtOnceAndCountsAsAnAbnormalExit() {
        Child process = new Child(Readiness.readyLine(), StopRequest.CLOSE_STDIN, "ready");
        process.start();
        process.kill();
        assertThat(process.isRunning()).isFalse();
        assertThat(process.pid()).isEqualTo(-1);
        assertThat(process.exits).containsExactly(false);
    }
}
