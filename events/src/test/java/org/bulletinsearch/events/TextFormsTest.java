package org.bulletinsearch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    @Test
    void textAlreadyComparableIsReturnedAsIs() {
        String plain = "Kenya's customs (KRA) collected KSh 2.1bn, up 4% on 2025; Zoë Müller said.";
        assertThat(TextForms.comparable(plain)).isSameAs(plain);
        assertThat(TextForms.nfc(plain)).isSameAs(plain);
        assertThat(TextForms.withoutInvisibles(plain)).isSameAs(plain);
    }

    /** The one-pass shortcuts agree with the definition on text mixing every kind of character they judge. */
    @Test
    void comparableMatchesItsDefinitionOnMixedText() {
        for (String input : mixedTexts()) {
            assertThat(TextForms.comparable(input)).as("comparable(%s)", input.codePoints().boxed().toList())
                    .isEqualTo(byDefinition(input));
        }
    }

    /**
     * 20,000 short strings (the same on every run) of ASCII, controls, the separators and invisible characters the
     * text forms treat apart, Latin-1 and Latin Extended letters, combining marks and a surrogate pair (whose halves
     * also come alone).
     */
    static List<String> mixedTexts() {
        String alphabet = "aZ9.,' \t\n\r\u0001\u0085\u00A0\u00AD\u00E9\u00FF\u0130\u02FF\u0300\u0301\u200B\u2007"
                + "\u202F\u2060\u3000\uFEFF\uD83C\uDDF0";
        Random random = new Random(42);
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        return texts;
    }

    /** NFC, invisible format characters removed, whitespace runs folded to one space, trimmed. */
    private static String byDefinition(String text) {
        StringBuilder visible = new StringBuilder();
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().filter(cp -> !TextForms.isInvisible(cp))
                .forEach(visible::appendCodePoint);
        // Character.isWhitespace or Character.isSpaceChar, as a character class
        return visible.toString().replaceAll("[\\t\\n\\x0B\\f\\r\\x1C-\\x1F\\p{Z}]+", " ").strip();
    }
}
