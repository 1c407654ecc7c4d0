package org.bulletinsearch.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EmbeddingTextTest {

    @Test
    void titleThenTheLeadOfTheBody() {
        String body = IntStream.rangeClosed(1, 200).mapToObj(i -> "w" + i).collect(Collectors.joining(" \n "));
        String text = EmbeddingText.of("  A title ", body);
        assertThat(text).startsWith("A title. w1 w2 w3 ").endsWith(" w" + EmbeddingText.LEAD_WORDS);
        assertThat(text.split(" ")).hasSize(2 + EmbeddingText.LEAD_WORDS);
    }

    @Test
    void shortAndEmptyBodiesAreKeptWhole() {
        assertThat(EmbeddingText.of("T", "one  two")).isEqualTo("T. one two");
        assertThat(EmbeddingText.of("T", "  ")).isEqualTo("T. ");
    }

    @Test
    void textIsComposedAndWordsAreNeverCutInside() {
        assertThat(EmbeddingText.of("Cafe\u0301", "Zu\u0308rich 👩‍👩‍👧 end")).isEqualTo("Caf\u00e9. Z\u00fcrich 👩‍👩‍👧 end");
    }
}
