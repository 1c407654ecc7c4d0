package org.bulletinsearch.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.bulletinsearch.edge.InvalidParameterException;
import org.junit.jupiter.api.Test;

class SourceNamesTest {

    @Test
    void readsTheFileNameOfAContentDisposition() {
        assertThat(SourceNames.fromContentDisposition("attachment; filename=\"harbour.txt\"")).isEqualTo("harbour.txt");
        assertThat(SourceNames.fromContentDisposition("attachment; filename=harbour.txt; size=10"))
                .isEqualTo("harbour.txt");
        assertThat(SourceNames.fromContentDisposition(
                "attachment; filename=\"fallback.txt\"; filename*=UTF-8''caf%C3%A9.txt")).isEqualTo("café.txt");
        assertThat(SourceNames.fromContentDisposition("attachment; filename=\"C:\\\\bulletins\\\\harbour.txt\""))
                .isEqualTo("harbour.txt");
        assertThat(SourceNames.fromContentDisposition("inline")).isNull();
        assertThat(SourceNames.fromContentDisposition(null)).isNull();
    }

    @Test
    void anUnreadableContentDispositionNamesNothing() {
        assertThat(SourceNames.fromContentDisposition("attachment; filename=\"unterminated")).isNull();
        assertThat(SourceNames.fromContentDisposition("; ;=")).isNull();
        assertThat(SourceNames.fromContentDisposition("attachment; filename=a b c.txt")).isNull();
    }

    @Test
    void keepsOnlyTheFileNameOfWhatClientsSend() {
        assertThat(SourceNames.fromFileName("/tmp/uploads/harbour.txt")).isEqualTo("harbour.txt");
        assertThat(SourceNames.fromFileName("C:\\bulletins\\harbour.txt")).isEqualTo("harbour.txt");
        assertThat(SourceNames.fromFileName(" bad\u0007name.txt ")).isEqualTo("badname.txt");
        assertThat(SourceNames.fromFileName("Cafe\u0301.txt")).isEqualTo("Caf\u00e9.txt");
        assertThat(SourceNames.fromFileName("x".repeat(300))).hasSize(255);
        assertThat(SourceNames.fromFileName("\uD83D\uDE00".repeat(200))).hasSize(254);
        assertThat(SourceNames.fromFileName("dir/")).isNull();
        assertThat(SourceNames.fromFileName(null)).isNull();
    }

    @Test
    void theSourceParameterIsValidatedLikeEveryParameter() {
        assertThat(SourceNames.fromParameter("reports/harbour.txt")).isEqualTo("harbour.txt");
        assertThat(SourceNames.fromParameter("Cafe\u0301.txt")).isEqualTo("Caf\u00e9.txt");
        assertThat(SourceNames.fromParameter("  ")).isNull();
        assertThat(SourceNames.fromParameter(null)).isNull();
        assertThatThrownBy(() -> SourceNames.fromParameter("a\u0000b.txt"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("source"));
        assertThatThrownBy(() -> SourceNames.fromParameter("x".repeat(256)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("255");
    }

    @Test
    void everyFileOfAnUploadGetsANameOfItsOwn() {
        assertThat(SourceNames.forUpload("u1", Arrays.asList("a.txt", "a.txt", "file", "file", "a (2).txt", null)))
                .containsExactly("a.txt", "a (2).txt", "file", "file (2)", "a (2) (2).txt", "u1-6.txt");
        assertThat(SourceNames.forUpload("u1", Arrays.asList((String) null))).containsExactly("u1.txt");
        assertThat(SourceNames.forUpload("u1", List.of("x".repeat(255), "x".repeat(255))).get(1))
                .hasSize(255).endsWith(" (2)");
    }
}
