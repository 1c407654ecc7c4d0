package org.bulletinsearch.bench.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ContextSwitchesTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void aThreadThatWaitsAddsVoluntarySwitchesToItsProcess() throws Exception {
        long self = ProcessHandle.current().pid();
        ContextSwitches before = ContextSwitches.of(self);
        CountDownLatch slept = new CountDownLatch(1);
        CountDownLatch counted = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try {
                for (int i = 0; i < 20; i++) {
                    Thread.sleep(1); // gives the core up: a voluntary switch each time
                }
                slept.countDown();
                counted.await(); // alive while counted: an ended thread's switches leave /proc with it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        slept.await();
        ContextSwitches during = ContextSwitches.of(self);
        counted.countDown();
        waiter.join();

        assertThat(during.voluntary()).isGreaterThanOrEqualTo(before.voluntary() + 20);
    }

    @Test
    void perRequestDividesEachProcessesSwitchesBusiestFirst() {
        Map<String, ContextSwitches> before = Map.of("engine", new ContextSwitches(100, 10), "service", new ContextSwitches(0, 0));
        Map<String, ContextSwitches> after = Map.of("engine", new ContextSwitches(300, 50), "service", new ContextSwitches(1000, 0));

        assertThat(ContextSwitches.perRequest(before, after, 100))
                .isEqualTo("service 10.0 (0.0 involuntary), engine 2.4 (0.4 involuntary)");
    }

    @Test
    void aProcessThatIsGoneCountsNone() {
        assertThat(ContextSwitches.of(Long.MAX_VALUE)).isEqualTo(new ContextSwitches(0, 0));
    }
}
