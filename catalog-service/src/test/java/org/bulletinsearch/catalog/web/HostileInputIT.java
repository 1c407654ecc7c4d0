package org.bulletinsearch.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.bulletinsearch.servicetesting.Problems.assertInvalidParameter;
import static org.bulletinsearch.servicetesting.Problems.assertProblem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.engine.SourceOfRandomness;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bulletinsearch.catalog.support.CatalogDatabase;
import org.bulletinsearch.catalog.support.Lifecycle;
import org.bulletinsearch.edge.Parameters;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.bulletinsearch.servicetesting.CommittedArticles;
import org.bulletinsearch.servicetesting.Problems;
import org.bulletinsearch.servicetesting.RawHttp;
import org.bulletinsearch.servicetesting.RawHttp.Answer;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client sends, the catalog answers below 500 (it has no dependency down here), every 4xx is
 * problem+json in the shared vocabulary, and nothing is stored. Issue 13's rows that touch the catalog
 * are named tests, also for the endpoints added since (deletions, their audit, the export); then jqwik's
 * generators (driven with a fixed seed: jqwik's own engine cannot run a {@code @QuarkusTest}) send some six
 * thousand hostile values to every parameter of every endpoint, the API key of the deletions included, and
 * nothing may be published on the articles topic.
 * Requests go over a plain socket, so that no client library repairs or refuses them first.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class HostileInputIT {

    private static final long SEED = 20_261_125L;
    private static final int SAMPLES_PER_PARAMETER = 250;
    private static final int RAW_SAMPLES_PER_PARAMETER = 30;
    /** An article id the catalog does not hold (the tests' articles have content-derived ids). */
    private static final String ID = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a";
    /** An upload id the catalog does not hold (the tests' uploads are random UUIDs). */
    private static final String UNKNOWN_UPLOAD = "hostile-input-unknown-upload";

    @Inject
    AgroalDataSource dataSource;

    // ---------------------------------------------------------------- issue 13, one test per row

    @Test
    void sourceWithNulIs400NamingTheParameter() {
        assertInvalidParameter(get("/articles?source=%00"), "source");
    }

    @Test
    void uploadIdWithNulIs400NamingTheParameter() {
        assertInvalidParameter(get("/articles?uploadId=%00"), "uploadId");
    }

    @Test
    void uploadPathWithNulIs400NamingTheParameter() {
        assertInvalidParameter(get("/uploads/x%00y"), "uploadId");
        assertInvalidParameter(get("/uploads/x%00y?size=1"), "uploadId");
    }

    @Test
    void toFarInTheFutureIs400NamingTheParameter() {
        assertInvalidParameter(get("/articles?to=%2B999999999-12-31"), "to");
        assertInvalidParameter(get("/articles?to=%2B999999999-12-31T23:59:59Z"), "to");
        assertInvalidParameter(get("/articles?from=-999999999-01-01T00:00:00Z"), "from");
    }

    @Test
    void aCursorNamingATimeFarInTheFutureIs400NamingTheParameter() {
        String cursor = CursorToken.encode("1", "newest", "+999999999-12-31T00:00:00Z", ID);
        assertInvalidParameter(get("/articles?cursor=" + cursor), "cursor");
        assertInvalidParameter(get("/uploads/x?cursor=" + CursorToken.encode("u1", "1", ID, "a\u0000b")), "cursor");
    }

    @Test
    void aNineThousandCharacterUrlIs414ProblemJson() {
        String target = "/articles?source=" + "a".repeat(9000 - "/articles?source=".length());

        Answer answer = get(target);

        assertProblem(answer, 414, "uri-too-long");
        assertThat(answer.json().path("limit").asInt()).isEqualTo(8192);
        assertProblem(get("/uploads/" + "u".repeat(8991)), 414, "uri-too-long");
    }

    @Test
    void aThirtyKilobyteHeaderIs431ProblemJson() {
        Answer answer = get("/articles", "X-Padding: " + "a".repeat(30 * 1024));

        assertProblem(answer, 431, "headers-too-large");
    }

    @Test
    void brokenPercentEncodingIs400ProblemJson() {
        assertProblem(get("/articles?source=%E0%A4%A"), 400, "malformed-request");
        assertProblem(get("/articles?source=%E0%A4"), 400, "malformed-request");
        assertProblem(get("/uploads/%zz"), 400, "malformed-request");
    }

    @Test
    void anUnencodedPipeOrQuoteIs400ProblemJson() {
        assertProblem(get("/articles?source=a|b"), 400, "malformed-request");
        assertProblem(get("/articles?source=\"a\""), 400, "malformed-request");
    }

    @Test
    void anAcceptHeaderTheCatalogCannotServeIs406ProblemJson() {
        assertProblem(get("/articles", "Accept: application/xml"), 406, "not-acceptable");
    }

    @Test
    void aDeletionReasonWithNulIs400NamingTheParameter() {
        assertInvalidParameter(Lifecycle.delete("/articles/" + ID + "?reason=a%00b", Lifecycle.KEY_ONE), "reason");
        assertInvalidParameter(Lifecycle.delete("/uploads/" + UNKNOWN_UPLOAD + "?reason=%00", Lifecycle.KEY_ONE),
                "reason");
        assertInvalidParameter(Lifecycle.delete("/articles/" + ID + "?reason=" + "r".repeat(501), Lifecycle.KEY_ONE),
                "reason");
    }

    @Test
    void aDeletedUploadIdWithNulIs400NamingTheParameter() {
        assertInvalidParameter(Lifecycle.delete("/uploads/x%00y", Lifecycle.KEY_ONE), "uploadId");
        assertInvalidParameter(Lifecycle.delete("/uploads/" + "u".repeat(65), Lifecycle.KEY_ONE), "uploadId");
    }

    @Test
    void anArticleIdThatIsNoIdIs400NamingTheParameterOnEveryArticleEndpoint() {
        assertInvalidParameter(Lifecycle.delete("/articles/" + ID.toUpperCase(), Lifecycle.KEY_ONE), "id");
        assertInvalidParameter(get("/articles/" + ID + "%00/deletions"), "id");
        assertProblem(get("/articles/" + ID + "/deletions"), 404, "not-found");
    }

    @Test
    void aRequestLineThatIsNotHttpIsAProblemAndClosesTheConnection() {
        // A raw space splits the request line in four: the HTTP codec refuses it before any route runs.
        Answer answer = RawHttp.get(RestAssured.port, "/articles?source=a b");
        assertProblem(answer, 400, "malformed-request");
        assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
    }

    @Test
    void aKeyWithControlCharactersOrOfHugeSizeIsRefused() {
        // The HTTP codec refuses a control character in a header before any route runs; still problem+json.
        Answer nul = RawHttp.send(RestAssured.port, "DELETE", "/articles/" + ID, List.of("X-API-Key: a\u0000b"), null);
        assertProblem(nul, 400, "malformed-request");
        assertProblem(Lifecycle.delete("/articles/" + ID, "k\u00e9y"), 403, "invalid-api-key");
        assertProblem(Lifecycle.delete("/articles/" + ID, "k".repeat(20_000)), 431, "headers-too-large");
        assertProblem(Lifecycle.delete("/articles/" + ID, null), 401, "missing-api-key");
    }

    @Test
    void anExportCursorOfAnotherWalkOrAFarFutureSizeIs400NamingTheParameter() {
        assertInvalidParameter(get("/articles/export?cursor=" + CursorToken.encode("1", "newest",
                "2026-03-01T00:00:00Z", ID)), "cursor");
        assertInvalidParameter(get("/articles/export?cursor=" + CursorToken.encode("x1", ID + "\u0000")), "cursor");
        assertInvalidParameter(get("/articles/export?size=99999999999999999999"), "size");
    }

    // ---------------------------------------------------------------- generated

    @Test
    void noGeneratedValueOfAnyParameterGetsA5xxStoresOrPublishesAnything() {
        List<Long> before = quietRowCounts();
        // jqwik samples from its thread's source of randomness: seeding it makes every run send the same values.
        SourceOfRandomness.create(Long.toString(SEED));
        Iterator<String> values = hostileValues().sampleStream().iterator();
        Iterator<String> rawValues = percentGarbage().sampleStream().iterator();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, List<String>> failures = new TreeMap<>();
        int tried = 0;
        List<ConsumerRecord<String, byte[]>> published;
        try (CommittedArticles topic = ArticlesTopic.readCommitted()) {
            for (Probe probe : probes()) {
                for (int i = 0; i < SAMPLES_PER_PARAMETER + RAW_SAMPLES_PER_PARAMETER; i++) {
                    boolean raw = i >= SAMPLES_PER_PARAMETER;
                    String value = raw ? rawValues.next() : values.next();
                    Answer answer = probe.send(raw ? value : probe.encode(value));
                    statuses.merge(answer.status(), 1, Integer::sum);
                    Problems.violation(answer).ifPresent(problem -> failures.computeIfAbsent(probe.name(),
                            name -> new ArrayList<>()).add("'" + Parameters.abbreviate(value) + "': " + problem));
                    tried++;
                }
            }
            published = topic.readSettled();
        }
        System.out.printf("[property] %,d generated inputs tried on %d parameters (seed %d), answers by status: %s%n",
                tried, probes().size(), SEED, statuses);

        failures.forEach((probe, answers) -> System.out.printf("[property] %s: %d bad answers, first %s%n", probe,
                answers.size(), answers.get(0)));
        assertThat(failures).as("answers that are a 5xx or not problem+json, by parameter").isEmpty();
        assertThat(statuses).containsKeys(400, 401, 403, 404);
        assertThat(published).as("records published by refused deletions").isEmpty();
        assertThat(quietRowCounts()).as("article, sighting and deletion rows").isEqualTo(before);
    }

    /**
     * Every query, path and header parameter of every endpoint, as the request that carries a value for it.
     * The deletions name an article and an upload the catalog does not hold and carry a valid key (but in the
     * key's own probes), so that every check before the lookup sees the value, and nothing can be deleted.
     */
    private static List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (String name : new String[] {"size", "cursor", "uploadId", "source", "from", "to", "sort"}) {
            probes.add(Probe.query("GET /articles " + name, "GET", value -> "/articles?" + name + "=" + value));
        }
        probes.add(Probe.path("GET /articles/{id}", "GET", value -> "/articles/" + value));
        probes.add(Probe.path("GET /articles/{id}/deletions", "GET", value -> "/articles/" + value + "/deletions"));
        probes.add(Probe.query("GET /articles/export size", "GET", value -> "/articles/export?size=" + value));
        probes.add(Probe.query("GET /articles/export cursor", "GET", value -> "/articles/export?cursor=" + value));
        probes.add(Probe.path("GET /uploads/{uploadId}", "GET", value -> "/uploads/" + value));
        probes.add(Probe.query("GET /uploads/{uploadId} size", "GET", value -> "/uploads/u?size=" + value));
        probes.add(Probe.query("GET /uploads/{uploadId} cursor", "GET", value -> "/uploads/u?cursor=" + value));
        probes.add(Probe.path("DELETE /articles/{id}", "DELETE", value -> "/articles/" + value));
        probes.add(Probe.query("DELETE /articles/{id} reason", "DELETE",
                value -> "/articles/" + ID + "?reason=" + value));
        probes.add(Probe.header("DELETE /articles/{id} X-API-Key", "/articles/" + ID, "X-API-Key: "));
        probes.add(Probe.header("DELETE /articles/{id} Authorization", "/articles/" + ID, "Authorization: Bearer "));
        probes.add(Probe.path("DELETE /uploads/{uploadId}", "DELETE", value -> "/uploads/" + value));
        probes.add(Probe.query("DELETE /uploads/{uploadId} reason", "DELETE",
                value -> "/uploads/" + UNKNOWN_UPLOAD + "?reason=" + value));
        probes.add(Probe.header("DELETE /uploads/{uploadId} X-API-Key", "/uploads/" + UNKNOWN_UPLOAD, "X-API-Key: "));
        return probes;
    }

    /**
     * One parameter of one endpoint: how a value is encoded for it and the request that carries it.
     *
     * @param encoding the generated value as it goes on the wire (raw values are sent as they are)
     * @param request the request carrying an encoded value
     */
    private record Probe(String name, UnaryOperator<String> encoding, Function<String, Answer> request) {

        /** A query parameter: percent-encoded as UTF-8. */
        static Probe query(String name, String method, UnaryOperator<String> target) {
            return new Probe(name, RawHttp::encode, value -> send(method, target.apply(value)));
        }

        /** A path parameter: percent-encoded, a space as %20. */
        static Probe path(String name, String method, UnaryOperator<String> target) {
            return new Probe(name, value -> RawHttp.encode(value).replace("+", "%20"),
                    value -> send(method, target.apply(value)));
        }

        /**
         * The API key of a deletion: sent as UTF-8 bytes after {@code prefix}; line ends only frame a header, so
         * they become spaces (a value of the header cannot hold them).
         */
        static Probe header(String name, String target, String prefix) {
            return new Probe(name, value -> value.replace('\r', ' ').replace('\n', ' '),
                    value -> RawHttp.send(RestAssured.port, "DELETE", target, List.of(prefix + value), null));
        }

        String encode(String value) {
            return encoding.apply(value);
        }

        Answer send(String value) {
            return request.apply(value);
        }

        private static Answer send(String method, String target) {
            List<String> headers = method.equals("DELETE") ? List.of("X-API-Key: " + Lifecycle.KEY_ONE) : List.of();
            return RawHttp.send(RestAssured.port, method, target, headers, null);
        }
    }

    /** Values that break parsers and the layers under them: any text, controls, numbers, dates, cursors. */
    private static Arbitrary<String> hostileValues() {
        Arbitrary<String> fields = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("", "0", "-1", "2147483648", ID, "newest", "+999999999-12-31T00:00:00Z", "\u0000"));
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().ascii().ofMaxLength(300),
                Arbitraries.strings().withCharRange('\u0000', '\u001f')
                        .withChars('\u007f', '\u0085', '\u00ad', '\u200b', '\u202e', '\ufeff', '\ud800', '\udfff')
                        .ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().withCharRange('\u0300', '\u036f').ofMaxLength(20).map(marks -> "e" + marks),
                Arbitraries.strings().alpha().ofMinLength(250).ofMaxLength(300),
                Arbitraries.strings().alpha().ofMinLength(490).ofMaxLength(510),
                Arbitraries.strings().withChars('\u4e2d', '\u00e9', '\ud83d').ofMinLength(400).ofMaxLength(600),
                Arbitraries.strings().alpha().ofMinLength(4_000).ofMaxLength(20_000),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMinLength(31).ofMaxLength(33),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(String::valueOf),
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                        .map(seconds -> Instant.ofEpochSecond(seconds).toString()),
                Arbitraries.integers().between(-999_999_999, 999_999_999).map(year -> String.format("%+d-12-31", year)),
                Arbitraries.of("+999999999-12-31", "-999999999-01-01", "0000-00-00", "9999-12-31T23:59:59.999999999Z",
                        "10000-01-01", "2026-02-30", "2026-03-01T25:00:00Z", "NaN", "1e3", " ", "", "\u0000", "null",
                        "newest ", "OLDEST", "../../etc/passwd", "%00", "%25", "' OR 1=1 --", "\ud83d\udea2"),
                Arbitraries.strings().withCharRange('A', 'z').ofMaxLength(200),
                fields.list().ofSize(4).map(parts -> CursorToken.encode(parts.toArray(String[]::new))),
                fields.map(field -> CursorToken.encode("x1", field)),
                fields.list().ofMinSize(1).ofMaxSize(3).map(parts -> "x1|" + String.join("|", parts))
                        .map(plain -> Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8))),
                Arbitraries.of("1", "u1").flatMap(version -> fields.list().ofSize(3)
                        .map(parts -> CursorToken.encode(version, parts.get(0), parts.get(1), parts.get(2)))));
    }

    /** Sent as they are, unencoded: percent signs without their digits, characters a target may not hold. */
    private static Arbitrary<String> percentGarbage() {
        return Arbitraries.strings().withChars("%0123456789ABCDEFabcdefxz|\"<>{}^`\\+&=#").ofMaxLength(30);
    }

    // ---------------------------------------------------------------- helpers

    private static Answer get(String target, String... headers) {
        return RawHttp.get(RestAssured.port, target, headers);
    }

    /** Article, sighting and deletion row counts, once two readings a second apart agree (other tests' events consumed). */
    private List<Long> quietRowCounts() {
        CatalogDatabase database = new CatalogDatabase(dataSource);
        AtomicReference<List<Long>> last = new AtomicReference<>(List.of());
        await("the catalog is quiet").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<Long> now = List.of(database.number("SELECT count(*) FROM article"),
                    database.number("SELECT count(*) FROM article_sighting"),
                    database.number("SELECT count(*) FROM article_deletion"));
            return now.equals(last.getAndSet(now));
        });
        return last.get();
    }
}
