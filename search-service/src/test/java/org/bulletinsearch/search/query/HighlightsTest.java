package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
}
