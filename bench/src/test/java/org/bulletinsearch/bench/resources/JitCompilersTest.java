package org.bulletinsearch.bench.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JIT compilers' CPU as the warm-ups read it, on the JVM running this test. */
class JitCompilersTest {

    @Test
    void thisJvmHasCompiledSomethingByNow() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "per-thread CPU comes from Linux's /proc");

        double seconds = JitCompilers.seconds(List.of(ProcessHandle.current().pid()));

        assertThat(seconds).as("C1/C2 compiler threads' CPU of a JVM that started JUnit").isGreaterThan(0);
    }

    @Test
    void anEndedProcessAddsNothing() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "per-thread CPU comes from Linux's /proc");
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();

        assertThat(JitCompilers.seconds(List.of(ended.pid()))).isZero();
    }
}
