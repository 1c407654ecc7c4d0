package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class HighlightsTest {

    private static JsonNode highlight(String json) throws Exception {
        return JsonMapper.builder().build().readTree(json);
    }

    @Test
    void aPhraseMarkedOnlyOnTheExactSubfieldStillMarksTheTitle() throws Exception {
        JsonNode phraseOnly = highlight("{\"title.exact\":[\"Botswana Pilots a <em>Single</em> <em>Window</em>\"]}");
        assertThat(Highlights.title(phraseOnly, "Botswana Pilots a Single Window"))
                .isEqualTo("Botswana Pilots a <em>Single</em> <em>Window</em>");
    }

    @Test
    void wordsAndPhrasesMarkedOnDifferentFieldsAreMerged() throws Exception {
        JsonNode both = highlight("{\"title\":[\"<em>Botswana</em> Pilots a Single Window &amp; more\"],"
                + "\"title.exact\":[\"Botswana Pilots a <em>Single</em> <em>Window</em> &amp; more\"]}");
        assertThat(Highlights.title(both, "ignored"))
                .isEqualTo("<em>Botswana</em> Pilots a <em>Single</em> <em>Window</em> &amp; more");
        // overlapping and adjacent marks become one
        assertThat(Highlights.union("<em>ab</em>cd", "a<em>bc</em>d")).isEqualTo("<em>abc</em>d");
    }

    @Test
    void withoutAnyMarkTheTitleIsEscapedText() throws Exception {
        assertThat(Highlights.title(highlight("{}"), "Trade & Transit <Phase 2>"))
                .isEqualTo("Trade &amp; Transit &lt;Phase 2&gt;");
    }

    @Test
    void theSnippetPrefersAPassageWithAMatch() throws Exception {
        assertThat(Highlights.snippet(highlight("{\"body\":[\"The start of the body\"],"
                + "\"body.exact\":[\"officers in <em>risk</em> <em>management</em>\"]}")))
                .isEqualTo("officers in <em>risk</em> <em>management</em>");
        assertThat(Highlights.snippet(highlight("{\"body\":[\"<em>customs</em> officers\"],"
                + "\"body.exact\":[\"other <em>phrase</em>\"]}"))).isEqualTo("<em>customs</em> officers");
        assertThat(Highlights.snippet(highlight("{\"body\":[\"The start of the body\"]}"))).isEqualTo("The start of the body");
        assertThat(Highlights.snippet(highlight("{}"))).isEmpty();
    }

    @Test
    void aPassageCutInsideACharacterLosesThePiece() {
        String family = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        // cut after a joiner, as the engine's word iterator does
        assertThat(Highlights.wholeCharacters("families " + family + " \uD83D\uDC69\u200D"))
                .isEqualTo("families " + family + " ");
        assertThat(Highlights.wholeCharacters("half a pair \uD83D")).isEqualTo("half a pair ");
        assertThat(Highlights.wholeCharacters("\u0301and the rest")).isEqualTo("and the rest");
        assertThat(Highlights.wholeCharacters("\u200D\uD83D\uDC67 and more")).isEqualTo("\uD83D\uDC67 and more");
        assertThat(Highlights.wholeCharacters("whole " + family)).isEqualTo("whole " + family);
        assertThat(Highlights.wholeCharacters("")).isEmpty();
    }

    /**
     * Looking at the ends before segmenting changes nothing: the passage is cut exactly where segmenting all of it
     * cuts (the rule of {@link Highlights#wholeCharacters}, applied to every grapheme cluster).
     */
    @Property(tries = 2000, seed = "20261204")
    void aPassageIsCutWhereSegmentingItWholeCutsIt(@ForAll("passages") String passage) {
        assertThat(Highlights.wholeCharacters(passage)).isEqualTo(cutBySegmentingAll(passage));
    }

    @Provide
    Arbitrary<String> passages() {
        // joiners, combining marks, lone and paired surrogates, emoji and plain letters, in any order
        return Arbitraries.strings().withChars("a \u200D\u0301\u20DD\u0903\uD83D\uDC69\uDC67\u00e9").ofMaxLength(12);
    }

    private static String cutBySegmentingAll(String passage) {
        Matcher clusters = Pattern.compile("\\X").matcher(passage);
        int start = 0;
        int lastStart = -1;
        while (clusters.find()) {
            int type = clusters.start() == 0 ? Character.getType(passage.codePointAt(0)) : -1;
            if (clusters.start() == 0 && (passage.codePointAt(0) == '\u200D' || Character.isLowSurrogate(passage.charAt(0))
                    || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK)) {
                start = clusters.end();
            }
            lastStart = clusters.start();
        }
        int end = passage.length();
        if (lastStart >= start && end > 0 && (passage.charAt(end - 1) == '\u200D'
                || Character.isHighSurrogate(passage.charAt(end - 1)))) {
            end = lastStart;
        }
        return passage.substring(start, Math.max(start, end));
    }
}
