package org.bulletinsearch.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFormsTest {

    @Test
    void decomposedAndComposedTitlesCompareEqual() {
        assertThat(TextForms.comparable("Cafe\u0301 Opens in Zu\u0308rich")).isEqualTo("Café Opens in Zürich");
    }

    @Test
    void invisibleFormatCharactersNeverDecideEquality() {
        assertThat(TextForms.comparable("Customs\u200B Week\u00AD")).isEqualTo("Customs Week");
        assertThat(TextForms.comparable("\uFEFFpost\u00ADclearance\u200D audit\u2060")).isEqualTo("postclearance audit");
        assertThat(TextForms.comparable("a\u00A0\u2007 b ")).isEqualTo("a b");
    }

    @Test
    void truncationKeepsSurrogatePairsAndGraphemeClustersWhole() {
        String flag = "\uD83C\uDDF0\uD83C\uDDEA"; // regional indicators K, E: one flag, 4 UTF-16 units
        assertThat(TextForms.truncate("Kenya " + flag + " customs", 8)).isEqualTo("Kenya ");
        assertThat(TextForms.truncate("Kenya " + flag + " customs", 10)).isEqualTo("Kenya " + flag);
        assertThat(TextForms.truncate("Cafe\u0301", 4)).isEqualTo("Caf");
        assertThat(TextForms.truncate("short", 10)).isEqualTo("short");
    }
}
