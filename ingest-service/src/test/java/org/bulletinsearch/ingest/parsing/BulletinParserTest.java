package org.bulletinsearch.ingest.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.text.Normalizer;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bulletinsearch.ingest.parsing.BulletinFormatException.Kind;
import org.bulletinsearch.platform.BulletinGenerator;
import org.junit.jupiter.api.Test;

/** One test per case the issue lists, on fixtures of our own in the bulletin format. */
class BulletinParserTest {

    private static final String HARBOUR = fixture("harbour-gazette.txt");
    private static final String VALLEY = fixture("valley-courier.txt");
    private static final List<String> HARBOUR_TITLES = List.of(
            "Lindqvist Harbour Opens Its New Ferry Terminal",
            "Volunteers Count Seabirds on the Northern Cliffs",
            "Library Extends Opening Hours for Exam Season");

    private static final String CAFE = """
            Café Müller Reopens by the Quay

            Café Müller Reopens by the Quay

            After a winter of renovation the café serves crème brûlée again; the owner, Jürgen Weiß, says “nothing \
            else changed” except the price of a coffee, now 3 € instead of 2,80 €.
            """;

    private final BulletinParser parser = new BulletinParser(new BulletinParser.Limits(2_000, 200, 5_000));

    // ---- the format as the seeds write it ----

    @Test
    void readsTitleRepeatedAfterBlankLineThenBody() throws Exception {
        List<ParsedArticle> articles = parse(HARBOUR);

        assertThat(articles).extracting(ParsedArticle::title).containsExactlyElementsOf(HARBOUR_TITLES);
        assertThat(articles).extracting(ParsedArticle::position).containsExactly(1, 2, 3);
        assertThat(articles).extracting(ParsedArticle::line).containsExactly(1, 7, 13);
        assertThat(articles.get(0).body()).startsWith("The town of Lindqvist opened").endsWith("fifteen minutes shorter.");
    }

    @Test
    void readsCompactLayoutWithTitleRepeatedOnNextLine() throws Exception {
        String compact = """
                Lindqvist Harbour Opens Its New Ferry Terminal
                Lindqvist Harbour Opens Its New Ferry Terminal
                The town of Lindqvist opened its rebuilt ferry terminal on Monday.

                Volunteers Count Seabirds on the Northern Cliffs
                Volunteers Count Seabirds on the Northern Cliffs
                Forty volunteers spent the weekend counting nesting seabirds.
                """;

        assertThat(parse(compact)).extracting(ParsedArticle::title, ParsedArticle::body).containsExactly(
                tuple("Lindqvist Harbour Opens Its New Ferry Terminal",
                        "The town of Lindqvist opened its rebuilt ferry terminal on Monday."),
                tuple("Volunteers Count Seabirds on the Northern Cliffs",
                        "Forty volunteers spent the weekend counting nesting seabirds."));
    }

    // ---- what real files contain ----

    @Test
    void acceptsCrLfLineEnds() throws Exception {
        assertThat(parse(HARBOUR.replace("\n", "\r\n"))).isEqualTo(parse(HARBOUR));
    }

    @Test
    void acceptsCrLineEnds() throws Exception {
        assertThat(parse(HARBOUR.replace("\n", "\r"))).isEqualTo(parse(HARBOUR));
    }

    @Test
    void acceptsMixedLineEnds() throws Exception {
        String mixed = HARBOUR.replaceFirst("\n", "\r\n").replaceFirst("\n\n", "\r\r");
        assertThat(content(parse(mixed))).isEqualTo(content(parse(HARBOUR)));
    }

    @Test
    void skipsUtf8ByteOrderMark() throws Exception {
        byte[] withBom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(HARBOUR));

        List<ParsedArticle> articles = parse(withBom, null);

        assertThat(articles).isEqualTo(parse(HARBOUR));
        assertThat(articles.get(0).title()).doesNotStartWith("\uFEFF");
    }

    @Test
    void toleratesExtraBlankLinesAndTrailingWhitespace() throws Exception {
        String sloppy = "\n\n   \n" + HARBOUR.replace("\n\n", "\n \t\n\n\n").replace("\n", "   \n") + "\n\n\n";

        assertThat(content(parse(sloppy))).isEqualTo(content(parse(HARBOUR)));
    }

    @Test
    void acceptsTitleWrittenOnceFollowedDirectlyByBody() throws Exception {
        String once = """
                Lindqvist Harbour Opens Its New Ferry Terminal
                The town of Lindqvist opened its rebuilt ferry terminal on Monday.

                Volunteers Count Seabirds on the Northern Cliffs
                Forty volunteers spent the weekend counting nesting seabirds.
                """;

        assertThat(parse(once)).extracting(ParsedArticle::title, ParsedArticle::body).containsExactly(
                tuple("Lindqvist Harbour Opens Its New Ferry Terminal",
                        "The town of Lindqvist opened its rebuilt ferry terminal on Monday."),
                tuple("Volunteers Count Seabirds on the Northern Cliffs",
                        "Forty volunteers spent the weekend counting nesting seabirds."));
    }

    @Test
    void acceptsTitleWrittenOnceWithBlankLineBeforeBody() throws Exception {
        String once = """
                Lindqvist Harbour Opens Its New Ferry Terminal

                The town of Lindqvist opened its rebuilt ferry terminal on Monday.

                Volunteers Count Seabirds on the Northern Cliffs

                Volunteers Count Seabirds on the Northern Cliffs

                Forty volunteers spent the weekend counting nesting seabirds.
                """;

        assertThat(parse(once)).extracting(ParsedArticle::title).containsExactly(
                "Lindqvist Harbour Opens Its New Ferry Terminal", "Volunteers Count Seabirds on the Northern Cliffs");
    }

    @Test
    void joinsBodyWrappedOverSeveralLinesWithSpaces() throws Exception {
        String wrapped = """
                Rail Bridge Closed for Three Weekends of Repairs

                Rail Bridge Closed for Three Weekends of Repairs

                The rail bridge over the river will close
                   on three weekends in September\t
                while its bearings are replaced.
                """;

        assertThat(parse(wrapped)).singleElement().extracting(ParsedArticle::body).isEqualTo(
                "The rail bridge over the river will close on three weekends in September while its bearings are replaced.");
    }

    @Test
    void readsTwoBulletinsJoinedIntoOneFile() throws Exception {
        assertThat(parse(HARBOUR + VALLEY)).hasSize(5)
                .extracting(ParsedArticle::position).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void readsTwoBulletinsJoinedWithoutBlankLineAndWithSecondBom() throws Exception {
        // `cat a.txt b.txt` where b.txt starts with a BOM and a.txt ends right after its last body line
        String joined = HARBOUR.stripTrailing() + "\n\uFEFF" + VALLEY.replace("\n", "\r\n");

        List<ParsedArticle> articles = parse(joined);

        assertThat(articles).extracting(ParsedArticle::title).containsExactly(HARBOUR_TITLES.get(0),
                HARBOUR_TITLES.get(1), HARBOUR_TITLES.get(2), "Orchard Growers Try Frost Fans on the Eastern Slopes",
                "Rail Bridge Closed for Three Weekends of Repairs");
        assertThat(articles.get(2).body()).endsWith("by the school's catering class.");
    }

    @Test
    void readsCompactBulletinsJoinedWithoutBlankLine() throws Exception {
        String joined = """
                First Title
                First Title
                First body.
                Second Title
                Second Title
                Second body.
                """;

        assertThat(parse(joined)).extracting(ParsedArticle::title, ParsedArticle::body).containsExactly(
                tuple("First Title", "First body."), tuple("Second Title", "Second body."));
    }

    // ---- charsets ----

    @Test
    void decodesDeclaredIso88591() throws Exception {
        assertCafe(parse(CAFE.replace("“", "\"").replace("”", "\"").replace("€", "EUR")
                .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1), "\"nothing else changed\"");
    }

    @Test
    void decodesDeclaredWindows1252() throws Exception {
        Charset windows1252 = Charset.forName("windows-1252");
        assertCafe(parse(CAFE.getBytes(windows1252), windows1252), "3 € instead");
    }

    @Test
    void decodesDeclaredUtf16WithByteOrderMark() throws Exception {
        assertCafe(parse(CAFE.getBytes(StandardCharsets.UTF_16), StandardCharsets.UTF_16), "crème brûlée");
        assertCafe(parse(concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, CAFE.getBytes(StandardCharsets.UTF_16LE)),
                StandardCharsets.UTF_16), "Jürgen Weiß");
    }

    @Test
    void decodesUtf8WhenNoCharsetIsDeclared() throws Exception {
        assertCafe(parse(utf8(CAFE), null), "“nothing else changed”");
    }

    @Test
    void refusesInvalidUtf8WithoutDeclaredCharsetNamingTheLine() throws Exception {
        byte[] latin1 = CAFE.replace("“", "\"").replace("”", "\"").replace("€", "EUR")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertRefused(() -> parse(latin1, null), Kind.INVALID_ENCODING, 1, "not valid UTF-8");
    }

    @Test
    void refusesInvalidUtf8OnALaterLine() throws Exception {
        byte[] text = concat(utf8(HARBOUR + "\nBroken Title\n\nBroken Title\n\nBody with "),
                new byte[] {(byte) 0xC3, 0x28}, utf8(" a broken sequence.\n"));

        assertRefused(() -> parse(text, null), Kind.INVALID_ENCODING, 23, "line 23");
    }

    @Test
    void refusesWindows1252DeclaredAsIso88591() throws Exception {
        byte[] smartQuotes = CAFE.replace("€", "EUR").getBytes(Charset.forName("windows-1252"));

        assertRefused(() -> parse(smartQuotes, StandardCharsets.ISO_8859_1), Kind.CONTROL_CHARACTER, 5, "windows-1252");
    }

    @Test
    void refusesUtf16WithoutDeclaredCharset() throws Exception {
        assertRefused(() -> parse(CAFE.getBytes(StandardCharsets.UTF_16), null), Kind.INVALID_ENCODING, 1, "UTF-16");
    }

    // ---- bad input ----

    @Test
    void refusesEmptyFile() throws Exception {
        assertRefused(() -> parse(new byte[0], null), Kind.EMPTY, 0, "empty");
    }

    @Test
    void refusesWhitespaceOnlyFile() throws Exception {
        assertRefused(() -> parse(" \n\t\r\n\uFEFF  \n\n"), Kind.EMPTY, 0, "only whitespace");
    }

    @Test
    void refusesPngImage() throws Exception {
        byte[] png = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13},
                utf8("IHDR"));

        assertRefused(() -> parse(png, null), Kind.BINARY, 0, "PNG image");
    }

    @Test
    void refusesPdfAndZip() throws Exception {
        assertRefused(() -> parse(utf8("%PDF-1.7\n%âãÏÓ\n"), null), Kind.BINARY, 0, "PDF");
        assertRefused(() -> parse(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}, null), Kind.BINARY, 0, "ZIP");
    }

    @Test
    void refusesRandomBytes() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);

        assertRefused(() -> parse(noise, null), Kind.BINARY, 0, "binary");
        assertRefused(() -> parse(noise, StandardCharsets.ISO_8859_1), Kind.BINARY, -1, "binary");
    }

    @Test
    void refusesNulBytesInOtherwiseTextualFile() throws Exception {
        byte[] text = utf8(HARBOUR.replace("Forty volunteers", "Forty\0volunteers"));

        assertRefused(() -> parse(text, null), Kind.BINARY, 11, "NUL");
    }

    @Test
    void refusesStrayControlCharacter() throws Exception {
        assertRefused(() -> parse(HARBOUR.replace("Forty volunteers", "Forty\u0007volunteers")),
                Kind.CONTROL_CHARACTER, 11, "U+0007");
    }

    @Test
    void refusesTitleWithoutBodyAtTheEnd() throws Exception {
        assertRefused(() -> parse(HARBOUR + "\nA Title Nobody Finished\n\nA Title Nobody Finished\n"),
                Kind.TITLE_WITHOUT_BODY, 19, "line 19 has no body");
    }

    @Test
    void refusesTitleWrittenOnceWithoutBodyAtTheEnd() throws Exception {
        assertRefused(() -> parse(HARBOUR + "\nA Title Nobody Finished\n"), Kind.TITLE_WITHOUT_BODY, 19, "no body");
    }

    @Test
    void refusesTitleWithoutBodyBeforeAnotherArticle() throws Exception {
        // drop the body of the second article (line 11) and the blank line after it
        List<String> lines = new ArrayList<>(HARBOUR.lines().toList());
        lines.subList(10, 12).clear();
        String missingBody = String.join("\n", lines) + "\n";

        assertRefused(() -> parse(missingBody), Kind.TITLE_WITHOUT_BODY, 7, "line 11 starts the next article");
    }

    @Test
    void refusesSecondBodyParagraphInsteadOfGuessing() throws Exception {
        String twoParagraphs = HARBOUR.replace("fifteen minutes shorter.\n",
                "fifteen minutes shorter.\n\nA second paragraph that the format does not allow.\n");

        assertRefused(() -> parse(twoParagraphs), Kind.TITLE_WITHOUT_BODY, 7, "no body");
    }

    @Test
    void refusesTitleWrittenThreeTimes() throws Exception {
        String thrice = "Same Title\n\nSame Title\n\nSame Title\n\nA body.\n";

        assertRefused(() -> parse(thrice), Kind.AMBIGUOUS, 5, "third time");
    }

    @Test
    void refusesBulletinsJoinedWithoutLineBreak() throws Exception {
        String glued = HARBOUR.stripTrailing() + VALLEY;

        assertRefused(() -> parse(glued), Kind.AMBIGUOUS, 17, "joined without a line break");
    }

    @Test
    void refusesLineLongerThanTheLimit() throws Exception {
        String longLine = HARBOUR + "\nLong\n\nLong\n\n" + "word ".repeat(500) + "\n";

        assertRefused(() -> parse(longLine), Kind.LINE_TOO_LONG, 23, "longer than 2000");
    }

    @Test
    void refusesBodyParagraphWhereATitleBelongs() throws Exception {
        String noTitle = "word ".repeat(60) + "\n\nTitle\n\nTitle\n\nBody.\n";

        assertRefused(() -> parse(noTitle), Kind.TITLE_TOO_LONG, 1, "body paragraph without a title");
    }

    @Test
    void refusesArticleLongerThanTheLimit() throws Exception {
        StringBuilder huge = new StringBuilder("Title\nTitle\n");
        for (int i = 1; i <= 5; i++) {
            huge.append("word ".repeat(300)).append("line ").append(i).append('\n');
        }

        assertRefused(() -> parse(huge.toString()), Kind.ARTICLE_TOO_LONG, 6, "longer than 5000");
    }

    @Test
    void streamsLargeInputInConstantMemory() throws Exception {
        // 50,000 articles (about 40 MB) from the platform's generator, produced while they are read: the
        // parser never holds more than one article.
        int count = 50_000;
        BulletinGenerator generator = new BulletinGenerator(7);
        InputStream generated = new InputStream() {
            private byte[] current = new byte[0];
            private int index;
            private int produced;

            @Override
            public int read() {
                if (index == current.length) {
                    if (produced == count) {
                        return -1;
                    }
                    String title = generator.title(++produced);
                    current = utf8(title + "\n\n" + title + "\n\n" + generator.body() + "\n\n");
                    index = 0;
                }
                return current[index++] & 0xFF;
            }
        };
        BulletinParser.ArticleReader reader = new BulletinParser(new BulletinParser.Limits(2_000, 200, 5_000))
                .read(generated, null);
        int seen = 0;
        for (ParsedArticle article = reader.next(); article != null; article = reader.next()) {
            assertThat(article.position()).isEqualTo(++seen);
        }
        assertThat(seen).isEqualTo(count);
    }

    // ---- text compared as text (issue 13) ----

    @Test
    void recognisesRepeatedTitleWrittenInDecomposedUnicode() throws Exception {
        String composed = "Caf\u00e9 M\u00fcller Reopens";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);

        assertThat(parse(composed + "\n\n" + decomposed + "\n\nThe caf\u00e9 is open again.\n"))
                .extracting(ParsedArticle::title, ParsedArticle::body)
                .containsExactly(tuple(composed, "The caf\u00e9 is open again."));
    }

    @Test
    void recognisesRepeatedTitleWithInvisibleCharacters() throws Exception {
        String title = "Night Ferry Returns";

        assertThat(parse(title + "\n\n" + title + "\u200B\n\nThe ferry sails again.\n"))
                .extracting(ParsedArticle::title, ParsedArticle::body)
                .containsExactly(tuple(title, "The ferry sails again."));
        assertThat(parse(title + "\n\nNight Fer\u00ADry\u00A0Returns\n\nThe ferry sails again.\n"))
                .extracting(ParsedArticle::body).containsExactly("The ferry sails again.");
    }

    @Test
    void refusesRepeatInOtherLetterCaseRatherThanGlueingItIntoTheBody() throws Exception {
        assertRefused(() -> parse("Night Ferry Returns\n\nNIGHT FERRY RETURNS\n\nThe ferry sails again.\n"),
                Kind.AMBIGUOUS, 3, "other letter case");
    }

    @Test
    void treatsALineOfInvisibleCharactersAsBlank() throws Exception {
        assertThat(parse("Title\n\u200B\u00AD\nTitle\n\uFEFF\u200B\nBody.\n"))
                .extracting(ParsedArticle::title, ParsedArticle::body).containsExactly(tuple("Title", "Body."));
    }

    // ---- helpers ----

    private List<ParsedArticle> parse(String text) throws BulletinFormatException, IOException {
        return parse(utf8(text), null);
    }

    private List<ParsedArticle> parse(byte[] bytes, Charset charset) throws BulletinFormatException, IOException {
        List<ParsedArticle> articles = new ArrayList<>();
        BulletinParser.ArticleReader reader = parser.read(new ByteArrayInputStream(bytes), charset);
        for (ParsedArticle article = reader.next(); article != null; article = reader.next()) {
            articles.add(article);
        }
        return articles;
    }

    /** Titles, bodies and positions, without line numbers. */
    private static List<List<Object>> content(List<ParsedArticle> articles) {
        return articles.stream().map(a -> List.<Object>of(a.title(), a.body(), a.position())).toList();
    }

    private static void assertCafe(List<ParsedArticle> articles, String bodyFragment) {
        assertThat(articles).singleElement().satisfies(article -> {
            assertThat(article.title()).isEqualTo("Café Müller Reopens by the Quay");
            assertThat(article.body()).contains(bodyFragment);
        });
    }

    /**
     * Asserts a refusal of the given kind whose message contains the fragment. {@code line}: the line it
     * must name, 0 for none, -1 for "any".
     */
    private static void assertRefused(ThrowingCallable parsing, Kind kind, int line, String fragment) {
        assertThatThrownBy(parsing).isInstanceOfSatisfying(BulletinFormatException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.getMessage()).contains(fragment);
                    if (line == 0) {
                        assertThat(e.line()).isEmpty();
                    } else if (line > 0) {
                        assertThat(e.line()).hasValue(line);
                    }
                });
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    private static String fixture(String name) {
        try (InputStream in = BulletinParserTest.class.getResourceAsStream("/bulletins/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
