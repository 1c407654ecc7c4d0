package org.bulletinsearch.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Heap sizes as the JVM takes them, and the JVM options a server gets with one. */
class HeapSizeTest {

    @Test
    void aSizeIsAWholeNumberWithAUnitInEitherCase() {
        assertThat(HeapSize.parse("1g").bytes()).isEqualTo(1L << 30);
        assertThat(HeapSize.parse(" 1536M ")).isEqualTo(new HeapSize("1536m", 1536L << 20));
        assertThat(HeapSize.parse("65536k").bytes()).isEqualTo(64L << 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1gb", "1.5g", "-1g", "0g", "512 m", "one g", "99999999g"})
    void anythingElseIsRefusedNamingTheValue(String value) {
        assertThatThrownBy(() -> HeapSize.parse(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + value + "'").hasMessageContaining("512m or 1g");
    }

    @Test
    void aHeapBelow64MegabytesIsATypo() {
        assertThatThrownBy(() -> HeapSize.parse("1m")).hasMessageContaining("below 64m");
        assertThat(HeapSize.parse("64m").bytes()).isEqualTo(HeapSize.MINIMUM_BYTES);
    }

    @Test
    void eachServersDefaultHeapIsItsDefaultCeiling() {
        assertThat(Component.SEARCH_ENGINE.defaultHeap()).isEqualTo(HeapSize.parse("512m"));
        assertThat(Component.KAFKA.defaultHeap()).isEqualTo(HeapSize.parse("384m"));
        assertThat(Component.POSTGRES.defaultHeap()).isEqualTo(HeapSize.parse("96m"));
    }

    @Test
    void theSearchEngineKeepsAFixedHeapAndItsCollector() {
        assertThat(Component.SEARCH_ENGINE.jvmOptions(HeapSize.parse("1g")))
                .containsExactly("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");
    }

    @Test
    void aServerWithAGrowingHeapKeepsItsFloor() {
        assertThat(Component.KAFKA.jvmOptions(HeapSize.parse("768m")))
                .containsExactly("-Xms64m", "-Xmx768m", "-XX:+UseSerialGC");
    }
}
