package org.bulletinsearch.catalog.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bulletinsearch.catalog.article.ArticleChange.Deleted;
import org.bulletinsearch.events.InvalidArticleEventException;
import org.bulletinsearch.events.LifecycleHeaders;
import org.junit.jupiter.api.Test;

class TombstoneHeadersTest {

    private static final String ID = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a";
    private static final Instant AT = Instant.parse("2026-03-10T08:00:00.123Z");

    @Test
    void aDeletionReadsBackAsWritten() throws Exception {
        Deleted deletion = new Deleted(ID, AT, "ops", "withdrawn — légal", "9b2e4c1d-6a7f-4e8b-9c0d-1e2f3a4b5c6d");

        Headers headers = TombstoneHeaders.of(deletion);

        assertThat(text(headers, LifecycleHeaders.DELETED_BY)).isEqualTo("ops");
        assertThat(text(headers, LifecycleHeaders.DELETED_AT)).isEqualTo("2026-03-10T08:00:00.123Z");
        assertThat(TombstoneHeaders.read(ID.getBytes(StandardCharsets.UTF_8), headers)).isEqualTo(deletion);
    }

    @Test
    void aDeletionOutsideARetractionHasNoUploadHeader() throws Exception {
        Headers headers = TombstoneHeaders.of(new Deleted(ID, AT, "ops", "", null));

        assertThat(headers.lastHeader(LifecycleHeaders.DELETED_UPLOAD)).isNull();
        assertThat(TombstoneHeaders.read(ID.getBytes(StandardCharsets.UTF_8), headers).uploadId()).isNull();
    }

    @Test
    void missingWhoAndWhyReadAsUnknownAndEmpty() throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(LifecycleHeaders.DELETED_AT, AT.toString().getBytes(StandardCharsets.UTF_8));

        Deleted read = TombstoneHeaders.read(ID.getBytes(StandardCharsets.UTF_8), headers);

        assertThat(read.deletedBy()).isEqualTo("unknown");
        assertThat(read.reason()).isEmpty();
    }

    @Test
    void refusesTombstonesThePlatformDidNotWrite() {
        RecordHeaders badTime = new RecordHeaders();
        badTime.add(LifecycleHeaders.DELETED_AT, "yesterday".getBytes(StandardCharsets.UTF_8));
        Headers good = TombstoneHeaders.of(new Deleted(ID, AT, "ops", "", null));

        assertThatThrownBy(() -> TombstoneHeaders.read(ID.getBytes(StandardCharsets.UTF_8), new RecordHeaders()))
                .isInstanceOf(InvalidArticleEventException.class).hasMessageContaining(LifecycleHeaders.DELETED_AT);
        assertThatThrownBy(() -> TombstoneHeaders.read(ID.getBytes(StandardCharsets.UTF_8), badTime))
                .isInstanceOf(InvalidArticleEventException.class).hasMessageContaining("RFC 3339");
        assertThatThrownBy(() -> TombstoneHeaders.read("not-an-id".getBytes(StandardCharsets.UTF_8), good))
                .isInstanceOf(InvalidArticleEventException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> TombstoneHeaders.read(null, good)).isInstanceOf(InvalidArticleEventException.class);
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
