package org.bulletinsearch.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceNameTest {

    @Test
    void readsFilenameFromContentDisposition() {
        assertThat(BulletinResource.fileNameOf("attachment; filename=\"harbour.txt\"")).isEqualTo("harbour.txt");
        assertThat(BulletinResource.fileNameOf("attachment; filename=harbour.txt; size=10")).isEqualTo("harbour.txt");
        assertThat(BulletinResource.fileNameOf("attachment; filename=\"fallback.txt\"; filename*=UTF-8''caf%C3%A9.txt"))
                .isEqualTo("café.txt");
        assertThat(BulletinResource.fileNameOf("inline")).isNull();
        assertThat(BulletinResource.fileNameOf(null)).isNull();
    }

    @Test
    void keepsOnlyTheFileName() {
        assertThat(BulletinResource.sourceName("/tmp/uploads/harbour.txt")).isEqualTo("harbour.txt");
        assertThat(BulletinResource.sourceName("C:\\bulletins\\harbour.txt")).isEqualTo("harbour.txt");
        assertThat(BulletinResource.sourceName(" bad\u0007name.txt ")).isEqualTo("badname.txt");
        assertThat(BulletinResource.sourceName("x".repeat(300))).hasSize(255);
        assertThat(BulletinResource.sourceName("dir/")).isNull();
        assertThat(BulletinResource.sourceName(null)).isNull();
    }
}
