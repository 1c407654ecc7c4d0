package org.bulletinsearch.infra.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher protocol's arguments, as every server reads them. */
class ServerMainOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void portDataDirAndEveryOtherKeyValueForTheServer() {
        ServerMain.Options options = ServerMain.Options.parse(new String[] {"--port=19092", "--data-dir=" + tmp.resolve("kafka"),
            "--durable=false", "--log.retention.hours=1"});

        assertThat(options.port()).isEqualTo(19092);
        assertThat(options.dataDir()).isEqualTo(tmp.resolve("kafka").toAbsolutePath()).isDirectory();
        assertThat(options.persistent()).isTrue();
        assertThat(options.extra()).containsOnly(Map.entry("durable", "false"), Map.entry("log.retention.hours", "1"));
        assertThat(options.get("durable")).hasValue("false");
        assertThat(options.get("database")).isEmpty();
    }

    @Test
    void withoutADataDirectoryTheDataIsTemporaryAndThePortFree() {
        ServerMain.Options options = ServerMain.Options.parse(new String[0]);
        try {
            assertThat(options.persistent()).isFalse();
            assertThat(options.dataDir()).isDirectory();
            assertThat(options.port()).isZero();
            assertThat(options.portOrFree()).isPositive();
        } finally {
            ServerMain.deleteRecursively(options.dataDir());
        }
    }

    @Test
    void anArgumentThatIsNotKeyValueIsRefused() {
        assertThatThrownBy(() -> ServerMain.Options.parse(new String[] {"--port=0", "stray"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stray");
        assertThatThrownBy(() -> ServerMain.Options.parse(new String[] {"--port=abc"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("abc");
        assertThat(Files.exists(tmp.resolve("kafka"))).isFalse();
    }

    @Test
    void aReadyLineRoundTrips() {
        assertThat(ServerMain.parseReadyLine(ServerMain.READY_PREFIX + "name=kafka port=1 url=http://127.0.0.1:1"))
                .containsExactly(Map.entry("name", "kafka"), Map.entry("port", "1"), Map.entry("url", "http://127.0.0.1:1"));
    }
}
