package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.engine.SourceOfRandomness;
import org.apache.kafka.common.TopicPartition;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.support.RelevanceFixtures;
import org.bulletinsearch.search.support.SearchApi;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.bulletinsearch.servicetesting.Problems;
import org.bulletinsearch.servicetesting.RawHttp;
import org.bulletinsearch.servicetesting.RawHttp.Answer;
import org.junit.jupiter.api.Test;

/**
 * Property-based: generated hostile values for every parameter of {@code /search}, {@code /search/suggest}
 * and {@code /search/related/{id}}, sent as raw requests. Whatever is sent, the answer is never a 5xx,
 * and every 4xx is {@code application/problem+json} with {@code type}, {@code title} and {@code status};
 * a read-only API publishes and stores nothing. jqwik's generators are sampled with a fixed seed (jqwik's
 * own engine cannot run a {@code @QuarkusTest}), so a failure is reproduced by running the test again.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class HostileInputIT {

    private static final long SEED = 13;
    private static final int PER_PARAMETER = 200;
    private static final String ID = "0123456789abcdef0123456789abcdef";

    @TestHTTPResource("/")
    URI server;

    private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();

    /** Any text: every UTF-16 unit (controls and unpaired surrogates too), the query syntax, giant terms, Unicode. */
    static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("\"()|-+*~\\!:^ORNTAD ").ofMaxLength(80),
                Arbitraries.strings().alpha().ofMinLength(200).ofMaxLength(1500),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5),
                Arbitraries.strings().withCharRange('\u0300', '\u036f').withChars("\u00ad\u200b\u200d\u202e\ufeffae ")
                        .ofMaxLength(40),
                Arbitraries.of("\"unbalanced", "say \"hello", "((((", "))))", "(a OR", "-", "OR", "AND NOT", "*", "a~2",
                        "a*", "post-clearance", "\"\" \"\"", "\\", "%00", "%%", "Zu\u0308rich", "\uD83C\uDDEB\uD83C\uDDEF",
                        "\uD83D\uDC69\u200D\uD83D\uDC67", "customs ".repeat(70), "a OR ".repeat(200), "(".repeat(100) + "x",
                        "\"" + "word ".repeat(100) + "\"", "-(-(-(-a)))", "title:x", "{\"match_all\":{}}"));
    }

    /** Numbers of every shape: tiny, huge, negative, non-decimal, with spaces, Unicode digits, text. */
    static Arbitrary<String> number() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-5, 130).map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(40)),
                        new java.math.BigInteger("1" + "0".repeat(40))).map(String::valueOf),
                Arbitraries.of("1e3", "0x10", "-0", "+5", " 7 ", "", "NaN", "Infinity", "\u0663", "1.5", "10\u0000", "\uff15"),
                text());
    }

    /** Dates and timestamps at and beyond every range: +999999999-12-31, year 0, offsets, nonsense. */
    static Arbitrary<String> date() {
        Arbitrary<String> anyYear = Arbitraries.integers().between(-1_000_000_000, 1_000_000_000).map(year ->
                (year > 9999 ? "+" : "") + String.format("%04d", year) + "-12-31");
        return Arbitraries.oneOf(anyYear, anyYear.map(day -> day + "T23:59:59.999999999+18:00"),
                Arbitraries.of("+999999999-12-31", "-999999999-01-01", "0000-01-01", "0001-01-01", "9999-12-31",
                        "10000-01-01", "2024-02-30", "2024-13-45", "2024-10-07T08:30:00Z", "2024-10-07T08:30:00",
                        "2024-10-07T25:00:00Z", "2024-10-07T08:30:00-18:00", "yesterday", "1728289800000"),
                text());
    }

    /** Cursors: garbage, base64 of garbage, and well-formed JSON with hostile values. */
    static Arbitrary<String> cursor() {
        Arbitrary<String> json = Arbitraries.of("{\"v\":1,\"s\":\"relevance\",\"f\":false,\"a\":[1e308,\"" + ID + "\"]}",
                "{\"v\":1,\"s\":\"relevance\",\"f\":true,\"a\":[-1e308,\"" + ID + "\"]}",
                "{\"v\":1,\"s\":\"date\",\"f\":false,\"a\":[9223372036854775807,\"" + ID + "\"]}",
                "{\"v\":1,\"s\":\"date\",\"f\":false,\"a\":[-9223372036854775808,\"" + ID + "\"]}",
                "{\"v\":1,\"s\":\"date\",\"f\":false,\"a\":[1e30,\"" + ID + "\"]}",
                "{\"v\":1,\"s\":\"relevance\",\"f\":false,\"a\":{\"script\":\"x\"}}", "[]", "null", "{}");
        Arbitrary<String> encoded = Arbitraries.oneOf(json, text()).map(value -> Base64.getUrlEncoder().withoutPadding()
                .encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.oneOf(encoded, text(), Arbitraries.strings().withChars("ABCabc012-_=+/").ofMaxLength(600));
    }

    /**
     * Request targets sent as they are: broken percent-encoding, unencoded characters (a raw space makes the
     * request line no HTTP at all), odd paths.
     */
    static Arbitrary<String> rawTarget() {
        Arbitrary<String> garbage = Arbitraries.strings().withChars("%0123456789ABCDEFabcxyz|\"<>\\^`{}+&=?#/; ")
                .ofMaxLength(60);
        return Arbitraries.oneOf(garbage.map(g -> "/search?q=" + g), garbage.map(g -> "/search/suggest?q=" + g),
                garbage.map(g -> "/search?" + g), garbage.map(g -> "/search/related/" + g),
                Arbitraries.of("/search?q=%E0%A4%A", "/search?q=%C0%AF", "/search?q=%ED%A0%80", "/search?q=%FF",
                        "/search?q=%", "/search?q=%%", "/search?q=a%00b", "/search?sourceName=%00", "/search//suggest",
                        "/search/related/", "/search/related/%2F..%2F..", "/search?size=1&size=2&size=3"));
    }

    /** {@value #PER_PARAMETER} values, from the thread's seeded source (jqwik's sampling outside its engine). */
    private static <T> List<T> sample(Arbitrary<T> arbitrary) {
        return arbitrary.sampleStream().limit(PER_PARAMETER).toList();
    }

    private static String one(Arbitrary<String> arbitrary) {
        return RawHttp.encode(arbitrary.sample());
    }

    @Test
    void noInputGetsA5xxAndEveryRefusalIsAProblem() {
        RelevanceFixtures.published();
        SourceOfRandomness.create(Long.toString(SEED));
        Map<TopicPartition, Long> deadLettersBefore = ArticlesTopic.deadLetterEndOffsets();
        long documentsBefore = stableDocumentCount();

        Map<String, Arbitrary<String>> searchParameters = Map.of("q", text(), "sourceName", text(), "uploadId", text(),
                "from", date(), "to", date(), "sort", Arbitraries.oneOf(text(), Arbitraries.of("date", "RELEVANCE", "Date ")),
                "size", number(), "cursor", cursor(),
                "mode", Arbitraries.oneOf(text(), Arbitraries.of("hybrid", "keyword", "semantic", "SEMANTIC", " Hybrid")),
                "collapse", Arbitraries.oneOf(text(), Arbitraries.of("true", "false", "FALSE", " true", "1")));
        searchParameters.forEach((name, values) -> sample(values).forEach(value -> check("/search", "/search?" + name
                + "=" + RawHttp.encode(value))));
        sample(Arbitraries.integers().between(0, 70)).forEach(count -> check("/search (repeated filters)",
                "/search?" + IntStream.range(0, count).mapToObj(i -> (i % 2 == 0 ? "sourceName=" : "uploadId=")
                        + one(text())).collect(Collectors.joining("&"))));
        sample(Arbitraries.integers().between(0, 9)).forEach(i -> check("/search (all parameters)", "/search?q="
                + one(text()) + "&from=" + one(date()) + "&to=" + one(date()) + "&sort="
                + one(Arbitraries.of("date", "relevance", "")) + "&size=" + one(number()) + "&cursor=" + one(cursor())
                + "&mode=" + one(Arbitraries.of("hybrid", "keyword", "semantic", "")) + "&collapse="
                + one(Arbitraries.of("true", "false", ""))));
        // issue 16: the entity filters on /search, and /search/facets/{name}
        Map<String, Arbitrary<String>> entityFilters = Map.of("country", text(), "region", text(), "organization", text(),
                "programme", text(), "year", number());
        entityFilters.forEach((name, values) -> sample(values).forEach(value -> check("/search (entity filters)",
                "/search?q=customs&" + name + "=" + RawHttp.encode(value))));
        sample(text()).forEach(name -> check("/search/facets/{name}", "/search/facets/" + RawHttp.encode(name)));
        Map<String, Arbitrary<String>> facetParameters = Map.of("prefix", text(), "size", number(), "q", text(),
                "year", number());
        facetParameters.forEach((name, values) -> sample(values).forEach(value -> check("/search/facets/{name}",
                "/search/facets/organization?" + name + "=" + RawHttp.encode(value))));
        sample(text()).forEach(q -> check("/search/suggest", "/search/suggest?q=" + RawHttp.encode(q)));
        sample(number()).forEach(size -> check("/search/suggest", "/search/suggest?q=bot&size=" + RawHttp.encode(size)));
        sample(text()).forEach(id -> check("/search/related/{id}", "/search/related/" + RawHttp.encode(id)));
        sample(number()).forEach(size -> check("/search/related/{id}", "/search/related/" + ID + "?size="
                + RawHttp.encode(size)));
        sample(rawTarget()).forEach(target -> check("raw request targets", target));

        int total = statuses.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
        statuses.forEach((endpoint, counts) -> System.out.printf("[hostile-inputs] %-26s %5d inputs, statuses %s%n",
                endpoint, counts.values().stream().mapToInt(Integer::intValue).sum(), counts));
        System.out.printf("[hostile-inputs] %d generated inputs tried (seed %d)%n", total, SEED);
        assertThat(total).isGreaterThanOrEqualTo(5000);
        // A read-only API: nothing was dead-lettered or indexed because of any of these requests.
        assertThat(ArticlesTopic.deadLetterEndOffsets()).isEqualTo(deadLettersBefore);
        assertThat(stableDocumentCount()).isEqualTo(documentsBefore);
    }

    private void check(String endpoint, String target) {
        Answer answer = RawHttp.get(server.getPort(), target);
        statuses.computeIfAbsent(endpoint, e -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
        String request = "GET " + (target.length() > 200 ? target.substring(0, 200) + "..." : target);
        assertThat(Problems.violation(answer)).as(request).isEmpty();
        if (answer.status() < 400) {
            assertThat(answer.contentType()).as(request).startsWith("application/json");
        }
    }

    /** Documents behind the alias once earlier tests' indexing has settled (unchanged for two seconds). */
    private static long stableDocumentCount() {
        List<Long> counts = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            counts.add(SearchApi.search("size", 0).getLong("total"));
            int n = counts.size();
            return n >= 3 && counts.get(n - 1).equals(counts.get(n - 3));
        });
        return counts.get(counts.size() - 1);
    }
}
