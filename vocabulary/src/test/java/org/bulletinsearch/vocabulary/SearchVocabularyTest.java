package org.bulletinsearch.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchVocabularyTest {

    private final SearchVocabulary vocabulary = SearchVocabulary.builtIn();

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("extra.txt"), content, StandardCharsets.UTF_8);
    }

    @Test
    void expandsAcronymsToFullNamesAndBack() {
        assertThat(vocabulary.alternatives("AEO"))
                .containsExactly("authorized economic operator", "authorised economic operator");
        assertThat(vocabulary.alternatives("Authorised Economic Operator"))
                .containsExactly("AEO", "authorized economic operator");
        assertThat(vocabulary.alternatives("time-release study")).containsExactly("TRS");
        assertThat(vocabulary.alternatives("TRS")).contains("time release study");
        assertThat(vocabulary.alternatives("post clearance audit")).containsExactly("PCA", "postclearance audit");
        assertThat(vocabulary.alternatives("OSBP")).contains("one-stop border post");
        assertThat(vocabulary.alternatives("RKC")).containsExactly("Revised Kyoto Convention");
        assertThat(vocabulary.alternatives("HS")).contains("Harmonized System", "Harmonised System");
        assertThat(vocabulary.alternatives("SAFE")).contains("SAFE Framework of Standards");
        assertThat(vocabulary.alternatives("MRA"))
                .contains("mutual recognition arrangement", "mutual recognition agreement");
    }

    @Test
    void expandsSpellingVariantsAndConcepts() {
        assertThat(vocabulary.alternatives("programme")).containsExactly("program");
        assertThat(vocabulary.alternatives("Organization")).containsExactly("organisation");
        assertThat(vocabulary.alternatives("licence")).containsExactly("license");
        assertThat(vocabulary.alternatives("e-learning"))
                .containsExactly("online learning", "remote learning", "distance learning");
        assertThat(vocabulary.alternatives("Distance Learning")).contains("e-learning");
    }

    @Test
    void commonWordAcronymsExpandOnlyInCapitals() {
        assertThat(vocabulary.alternatives("safe")).isEmpty();
        assertThat(vocabulary.alternatives("hs")).isEmpty();
        assertThat(vocabulary.alternatives("who")).isEmpty();
        assertThat(vocabulary.alternatives("aeo")).contains("authorised economic operator");
        assertThat(vocabulary.expand("is my cargo safe under the SAFE framework"))
                .extracting(TermExpansion::matched).containsExactly("SAFE framework");
    }

    @Test
    void findsTermsInAQueryLongestFirstWithOffsets() {
        String query = "Authorised Economic Operator programme in Kenya, post-clearance audits";
        List<TermExpansion> found = vocabulary.expand(query);
        assertThat(found).extracting(TermExpansion::matched)
                .containsExactly("Authorised Economic Operator", "programme", "post-clearance audits");
        TermExpansion first = found.get(0);
        assertThat(query.substring(first.start(), first.end())).isEqualTo(first.matched());
        assertThat(first.alternatives()).containsExactly("AEO", "authorized economic operator");
        assertThat(found.get(2).alternatives()).contains("PCA");
        assertThat(vocabulary.expand("Kenya customs news")).isEmpty();
        assertThat(vocabulary.expand(null)).isEmpty();
    }

    @Test
    void mergesAnOperatorFile() throws IOException {
        Path extra = file("""
                # operator additions
                AEO, trusted trader
                green lane, fast track
                LDCs => least developed countries
                carnet\\, ATA, temporary admission document
                """);
        SearchVocabulary merged = SearchVocabulary.load(extra);
        assertThat(merged.alternatives("AEO")).containsExactly("authorized economic operator",
                "authorised economic operator", "trusted trader");
        assertThat(merged.alternatives("trusted trader")).containsExactly("AEO");
        assertThat(merged.alternatives("fast track")).containsExactly("green lane");
        assertThat(merged.alternatives("least developed countries")).contains("LDCs");
        assertThat(merged.alternatives("carnet, ATA")).containsExactly("temporary admission document");
        assertThat(merged.size()).isGreaterThan(vocabulary.size());
        assertThat(vocabulary.alternatives("trusted trader")).isEmpty();
    }

    @Test
    void oneWayRulesDoNotExpandBack() throws IOException {
        SearchVocabulary merged = SearchVocabulary.load(file("SWIFT, swift system => Single Window Information\n"));
        assertThat(merged.alternatives("swift system")).containsExactly("Single Window Information");
        assertThat(merged.alternatives("Single Window Information")).isEmpty();
    }

    @Test
    void operatorFilesCanDeclareCaseSensitiveWords() throws IOException {
        SearchVocabulary merged = SearchVocabulary.load(file("\uFEFF#@case-sensitive: CAN\nCAN, Andean Community\n"));
        assertThat(merged.alternatives("CAN")).containsExactly("Andean Community");
        assertThat(merged.alternatives("can")).isEmpty();
    }

    @Test
    void reportsEveryBadLineWithItsNumber() throws IOException {
        Path bad = file(String.join("\n", "good, fine", "lonely", "a,, b", "a => b => c", "x, y\\",
                "=> nothing", "ok, okay", "-, --", ""));
        assertThatThrownBy(() -> SearchVocabulary.load(bad))
                .isInstanceOf(VocabularyFormatException.class)
                .satisfies(e -> assertThat(((VocabularyFormatException) e).problems())
                        .extracting(VocabularyFormatException.Problem::line)
                        .containsExactly(2, 3, 4, 5, 6, 8))
                .hasMessageContaining(bad + ":2: a group needs two phrases");
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThatThrownBy(() -> SearchVocabulary.load(dir.resolve("absent.txt")))
                .isInstanceOf(NoSuchFileException.class);
    }
}
