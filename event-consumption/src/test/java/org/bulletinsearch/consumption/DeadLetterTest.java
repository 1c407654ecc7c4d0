package org.bulletinsearch.consumption;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void theCodecsReasonsMapToBoundedCategories() {
        assertThat(DeadLetter.categoryOf("empty payload")).isEqualTo("empty");
        assertThat(DeadLetter.categoryOf("not JSON: unexpected character")).isEqualTo("not-json");
        assertThat(DeadLetter.categoryOf("violates the schema: $.title")).isEqualTo("schema");
        assertThat(DeadLetter.categoryOf("articleId abc does not match the text")).isEqualTo("id-mismatch");
        assertThat(DeadLetter.categoryOf("something new")).isEqualTo("invalid");
        assertThat(DeadLetter.categoryOf(null)).isEqualTo("invalid");
        assertThat(DeadLetter.CATEGORIES).contains("empty", "not-json", "schema", "id-mismatch", "store-refused", "invalid");
    }
}
