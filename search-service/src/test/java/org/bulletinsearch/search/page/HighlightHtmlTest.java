package org.bulletinsearch.search.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HighlightHtmlTest {

    private static String html(String engineHtml) {
        return HighlightHtml.of(engineHtml).getValue();
    }

    @Test
    void keepsTheMarksAndTheEscapedText() {
        assertThat(html("<em>Madagascar</em> Customs &amp; Cargo")).isEqualTo("<em>Madagascar</em> Customs &amp; Cargo");
        assertThat(html("Trade &amp; Transit Corridors &lt;Phase 2&gt; <em>Launched</em>"))
                .isEqualTo("Trade &amp; Transit Corridors &lt;Phase 2&gt; <em>Launched</em>");
    }

    @Test
    void escapesWhatTheEngineLeftUnescapedSoNoOtherElementGetsThrough() {
        assertThat(html("<script>alert(1)</script> <em>x</em>"))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; <em>x</em>");
        assertThat(html("<em onclick=\"x()\">a</em>")).isEqualTo("&lt;em onclick=&quot;x()&quot;&gt;a");
        assertThat(html("<b>bold</b>")).isEqualTo("&lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void readsTheEnginesCharacterReferencesOnceAndWritesThemAgain() {
        assertThat(html("l&#x27;origine &quot;quoted&quot; &#39;x&#39;"))
                .isEqualTo("l&#39;origine &quot;quoted&quot; &#39;x&#39;");
        // a double-escaped reference stays visible as typed: &amp;lt; is the text "&lt;"
        assertThat(html("&amp;lt;")).isEqualTo("&amp;lt;");
        assertThat(html("a & b &unknown; &#0; &#xZZ;")).isEqualTo("a &amp; b &amp;unknown; &amp;#0; &amp;#xZZ;");
    }

    @Test
    void balancesTheMarks() {
        assertThat(html("<em>open")).isEqualTo("<em>open</em>");
        assertThat(html("close</em> <em><em>twice</em></em>")).isEqualTo("close <em>twice</em>");
        assertThat(html(null)).isEmpty();
        assertThat(html("")).isEmpty();
    }
}
