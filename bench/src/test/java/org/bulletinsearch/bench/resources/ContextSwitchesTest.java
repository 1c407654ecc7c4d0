package org.bulletinsearch.bench.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ContextSwitchesTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void aThreadThatWaitsAddsVoluntarySwitchesToItsProcess() throws Exception {
        long self = ProcessHandle.current().pid();
        ContextSwitches before = ContextSwitches.of(self);
        int handOffs = 20;
        List<CountDownLatch> turns = Stream.generate(() -> new CountDownLatch(1)).limit(handOffs + 1).toList();
        Thread waiter = new Thread(() -> {
            try {
                for (CountDownLatch turn : turns) {
                    turn.await(); // parked until its turn: the core given up, a voluntary switch
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        for (int i = 0; i < handOffs; i++) {
            await().pollInterval(Duration.ofMillis(2)).until(() -> waiter.getState() == Thread.State.WAITING);
            turns.get(i).countDown();
        }
        await().pollInterval(Duration.ofMillis(2)).until(() -> waiter.getState() == Thread.State.WAITING);
        ContextSwitches during = ContextSwitches.of(self); // the waiter still lives: an ended thread's switches leave /proc with it
        turns.get(handOffs).countDown();
        waiter.join();

        assertThat(during.voluntary()).isGreaterThanOrEqualTo(before.voluntary() + handOffs);
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
