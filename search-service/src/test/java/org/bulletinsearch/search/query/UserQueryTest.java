package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserQueryTest {

    private static String render(String query) {
        return UserQuery.parse(query).toSimpleQueryString(false);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '\'', value = {
            "customs audit => customs audit",
            "'\"risk management\"' => '\"risk management\"'",
            "tariff -coffee => tariff -coffee",
            "tariff NOT coffee => tariff -coffee",
            "'-\"raw beans\"' => '-\"raw beans\"'",
            "fiji OR iceland => (fiji | iceland)",
            "fiji | iceland => (fiji | iceland)",
            "port fiji OR iceland => port (fiji | iceland)",
            "a OR b OR c d => (a | b | c) d",
            "(fiji OR iceland) port => (fiji | iceland) port",
            "-(fiji OR iceland) port => -(fiji | iceland) port",
            "(customs audit) OR tariff => ((customs audit) | tariff)",
            "customs AND audit => customs audit",
            "+customs +audit => customs audit",
            "botsw* => botsw*",
            "e-commerce => e\\-commerce",
            "post-clearance audit => post\\-clearance audit",
    })
    void rendersTheSyntaxUsersKnow(String query, String expected) {
        assertThat(render(query)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '\'', value = {
            // an unmatched quote is ignored, the rest is words
            "'\"unbalanced quote' => unbalanced quote",
            "'say \"hello' => say hello",
            // special characters inside words are escaped, never syntax
            "'foo\\bar' => 'foo\\\\bar'",
            "'a~2' => 'a\\~2'",
            "'c++' => 'c\\+\\+'",
            "'x*y' => 'x\\*y'",
            // a star after a single character is no prefix query
            "'a*' => 'a\\*'",
            // stray parentheses and operators are dropped
            "'((customs' => customs",
            "'customs))' => customs",
            "'OR customs OR' => customs",
            "'- customs' => customs",
            "'NOT' => ''",
            "'\"\" ( ) | -' => ''",
            // a backslash inside a phrase stays literal
            "'\"a\\b\"' => '\"a\\\\b\"'",
            // lower-case or is a word, not the operator
            "fiji or iceland => fiji or iceland",
    })
    void neverPassesSyntaxTheUserDidNotMean(String query, String expected) {
        assertThat(render(query)).isEqualTo(expected);
    }

    @Test
    void queriesTypedAlikeAreEqual() {
        assertThat(UserQuery.parse("customs \"risk profiles\" -estonia"))
                .isEqualTo(UserQuery.parse("customs \"risk profiles\" -estonia"))
                .hasSameHashCodeAs(UserQuery.parse("customs \"risk profiles\" -estonia"))
                .isNotEqualTo(UserQuery.parse("customs \"risk profiles\" estonia"));
    }

    @Test
    void deepNestingIsFlattened() {
        String query = "(".repeat(5000) + "customs" + ")".repeat(5000);
        String rendered = render(query);
        assertThat(rendered).isEqualTo("customs");
        assertThat(render("((((((((((a b)))))))))) c")).contains("a b").endsWith("c");
    }

    @Test
    void emptyWhenNothingSearchableRemains() {
        assertThat(UserQuery.parse("\" ( ) | - ~ *").isEmpty()).isTrue();
        assertThat(UserQuery.parse("customs").isEmpty()).isFalse();
    }

    @Test
    void fuzzyLoosensPositiveWordsOnly() {
        UserQuery query = UserQuery.parse("Madagaskar port tax -coffee \"risk management\" botsw* ab");
        assertThat(query.toSimpleQueryString(true))
                .isEqualTo("Madagaskar~2 port~1 tax~1 -coffee \"risk management\" botsw* ab");
        assertThat(query.positiveWordCount()).isEqualTo(4);
    }

    @Test
    void fuzzyFormsLoosenStemsAndLeaveDroppedWordsExact() {
        UserQuery query = UserQuery.parse("the oficers Madagaskar -coffee");
        assertThat(query.positiveWords()).containsExactly("the", "oficers", "Madagaskar");
        Map<String, String> stems = new HashMap<>();
        stems.put("the", null); // a stop word: the index does not hold it, fuzzing it would match "she"
        stems.put("oficers", "ofic");
        assertThat(query.toSimpleQueryString(word -> stems.containsKey(word) ? stems.get(word) : word))
                .isEqualTo("the ofic~1 Madagaskar~2 -coffee");
    }

    @Test
    void fuzzinessFollowsWordLengthLikeAuto() {
        assertThat(UserQuery.autoFuzziness("ab")).isZero();
        assertThat(UserQuery.autoFuzziness("abc")).isEqualTo(1);
        assertThat(UserQuery.autoFuzziness("abcde")).isEqualTo(1);
        assertThat(UserQuery.autoFuzziness("abcdef")).isEqualTo(2);
        assertThat(UserQuery.autoFuzziness("a".repeat(40))).isEqualTo(2);
        assertThat(UserQuery.autoFuzziness("\u8b0e".repeat(41))).as("too long to loosen").isZero();
    }

    @Test
    void countsPhraseWords() {
        assertThat(UserQuery.parse("a \"b c d\" -e (f OR g)").termCount()).isEqualTo(7);
    }
}
