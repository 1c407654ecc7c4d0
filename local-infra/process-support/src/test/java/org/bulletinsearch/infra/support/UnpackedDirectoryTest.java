package org.bulletinsearch.infra.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackedDirectoryTest {

    @TempDir
    Path cache;

    @Test
    void fillsOnceAndReusesTheCompleteDirectory() throws IOException {
        AtomicInteger fills = new AtomicInteger();
        Path target = cache.resolve("bin-1");
        UnpackedDirectory.ensure(target, dir -> {
            fills.incrementAndGet();
            Files.writeString(dir.resolve("tool"), "v1");
        });
        UnpackedDirectory.ensure(target, dir -> fills.incrementAndGet());

        assertThat(fills).hasValue(1);
        assertThat(target.resolve("tool")).hasContent("v1");
        assertThat(siblings()).containsExactly("bin-1");
    }

    @Test
    void aFailedFillLeavesNothingAndTheNextStartUnpacksAgain() throws IOException {
        Path target = cache.resolve("bin-1");
        assertThatThrownBy(() -> UnpackedDirectory.ensure(target, dir -> {
            Files.writeString(dir.resolve("half"), "x");
            throw new IOException("No space left on device");
        })).hasMessageContaining("No space left");
        assertThat(siblings()).isEmpty();

        UnpackedDirectory.ensure(target, dir -> Files.writeString(dir.resolve("tool"), "v1"));
        assertThat(target.resolve("tool")).hasContent("v1");
        assertThat(target.resolve("half")).doesNotExist();
    }

    @Test
    void aPartialFolderOfAKilledProcessIsDeletedAndNeverUsed() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path abandoned = Files.createDirectories(cache.resolve("bin-1.partial-" + dead.pid() + "-0a1b2c3d"));
        Files.writeString(abandoned.resolve("half"), "x");

        UnpackedDirectory.ensure(cache.resolve("bin-1"), dir -> Files.writeString(dir.resolve("tool"), "v1"));

        assertThat(siblings()).containsExactly("bin-1");
        assertThat(cache.resolve("bin-1/half")).doesNotExist();
    }

    @Test
    void anIncompleteFolderInPlaceIsReplaced() throws IOException {
        // what an unpacker without a temporary name leaves behind when it is killed
        Path target = Files.createDirectories(cache.resolve("bin-1/lib"));
        Files.writeString(target.resolve("libpq.so"), "half");

        UnpackedDirectory.ensure(cache.resolve("bin-1"), dir -> Files.writeString(dir.resolve("tool"), "v1"));

        assertThat(cache.resolve("bin-1/tool")).hasContent("v1");
        assertThat(cache.resolve("bin-1/lib")).doesNotExist();
        assertThat(siblings()).containsExactly("bin-1");
    }

    @Test
    void concurrentFirstRunsAgreeOnOneCompleteCopy() throws Exception {
        Path target = cache.resolve("bin-1");
        CountDownLatch allFilling = new CountDownLatch(4);
        List<CompletableFuture<Path>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String content = "v" + i;
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return UnpackedDirectory.ensure(target, dir -> {
                        Files.writeString(dir.resolve("tool"), content);
                        allFilling.countDown();
                        try {
                            allFilling.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        for (CompletableFuture<Path> run : runs) {
            assertThat(run.get()).isEqualTo(target);
        }
        assertThat(UnpackedDirectory.isComplete(target)).isTrue();
        assertThat(Files.readString(target.resolve("tool"))).matches("v[0-3]");
        assertThat(siblings()).containsExactly("bin-1");
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
