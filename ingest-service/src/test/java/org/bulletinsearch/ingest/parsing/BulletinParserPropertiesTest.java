package org.bulletinsearch.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever form the repeat of a title takes (composed or decomposed, with invisible format characters or
 * other whitespace), it is recognised as the repeat, and no title ends up inside a body.
 */
class BulletinParserPropertiesTest {

    private final BulletinParser parser = new BulletinParser(new BulletinParser.Limits(2_000, 200, 5_000));

    @Property(tries = 300, seed = "20261125")
    void theRepeatOfATitleIsRecognisedInAnyEquivalentForm(@ForAll("titles") String title,
            @ForAll("disguises") Disguise disguise) throws Exception {
        String bulletin = title + "\n\n" + disguise.apply(title) + "\n\nThe body of the article.\n";

        List<ParsedArticle> articles = parse(bulletin);

        assertThat(articles).singleElement().satisfies(article -> {
            assertThat(article.title()).isEqualTo(title);
            assertThat(article.body()).isEqualTo("The body of the article.");
        });
    }

    @Provide
    Arbitrary<String> titles() {
        return Arbitraries.strings().withChars("abcdeABCDE\u00e9\u00fc\u00e7\u00f1\u1e9e ").ofMinLength(3).ofMaxLength(60)
                .map(String::strip).filter(title -> title.length() >= 3)
                .map(title -> Normalizer.normalize(title, Normalizer.Form.NFC));
    }

    @Provide
    Arbitrary<Disguise> disguises() {
        return Arbitraries.of(Disguise.values());
    }

    /** Ways a repeat may differ from its title without being another text. */
    enum Disguise {
        SAME, DECOMPOSED, TRAILING_ZERO_WIDTH_SPACE, SOFT_HYPHEN_INSIDE, NO_BREAK_SPACES, BOM_AT_THE_END;

        String apply(String title) {
            return switch (this) {
                case SAME -> title;
                case DECOMPOSED -> Normalizer.normalize(title, Normalizer.Form.NFD);
                case TRAILING_ZERO_WIDTH_SPACE -> title + "\u200B";
                case SOFT_HYPHEN_INSIDE -> title.charAt(0) + "\u00AD" + title.substring(1);
                case NO_BREAK_SPACES -> title.replace(' ', '\u00A0');
                case BOM_AT_THE_END -> title + "\uFEFF";
            };
        }
    }

    private List<ParsedArticle> parse(String text) throws BulletinFormatException, IOException {
        List<ParsedArticle> articles = new ArrayList<>();
        BulletinParser.ArticleReader reader = parser.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                null);
        for (ParsedArticle article = reader.next(); article != null; article = reader.next()) {
            articles.add(article);
        }
        return articles;
    }
}
