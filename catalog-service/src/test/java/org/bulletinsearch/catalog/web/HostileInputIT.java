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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.engine.SourceOfRandomness;
import org.bulletinsearch.catalog.support.CatalogDatabase;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.Problems;
import org.bulletinsearch.servicetesting.RawHttp;
import org.bulletinsearch.servicetesting.RawHttp.Answer;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client sends, the catalog answers below 500 (it has no dependency down here), every 4xx is
 * problem+json in the shared vocabulary, and nothing is stored. Issue 13's rows that touch the catalog
 * are named tests; then jqwik's generators (driven with a fixed seed: jqwik's own engine cannot run a
 * {@code @QuarkusTest}) send some three thousand hostile values to every parameter of every endpoint.
 * Requests go over a plain socket, so that no client library repairs or refuses them first.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class HostileInputIT {

    private static final long SEED = 20_261_125L;
    private static final int SAMPLES_PER_PARAMETER = 250;
    private static final int RAW_SAMPLES_PER_PARAMETER = 30;
    private static final String ID = "3f7a9c0e5b1d4a2f8e6c7b9a0d1e2f3a";

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
    void aSixThousandCharacterUrlIs414ProblemJson() {
        String target = "/articles?source=" + "a".repeat(6000 - "/articles?source=".length());

        Answer answer = get(target);

        assertProblem(answer, 414, "uri-too-long");
        assertThat(answer.json().path("limit").asInt()).isEqualTo(4096);
        assertProblem(get("/uploads/" + "u".repeat(5991)), 414, "uri-too-long");
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

    // ---------------------------------------------------------------- generated

    @Test
    void noGeneratedValueOfAnyParameterGetsA5xxOrStoresAnything() {
        List<Long> before = quietRowCounts();
        // jqwik samples from its thread's source of randomness: seeding it makes every run send the same values.
        SourceOfRandomness.create(Long.toString(SEED));
        Iterator<String> values = hostileValues().sampleStream().iterator();
        Iterator<String> rawValues = percentGarbage().sampleStream().iterator();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Map.Entry<String, Function<String, String>> parameter : parameters().entrySet()) {
            for (int i = 0; i < SAMPLES_PER_PARAMETER + RAW_SAMPLES_PER_PARAMETER; i++) {
                boolean raw = i >= SAMPLES_PER_PARAMETER;
                String value = raw ? rawValues.next() : values.next();
                String target = parameter.getValue().apply(raw ? value : encode(value, parameter.getKey()));
                Answer answer = get(target);
                statuses.merge(answer.status(), 1, Integer::sum);
                Problems.violation(answer).ifPresent(problem -> failures.add(parameter.getKey() + " " + target + ": " + problem));
                tried++;
            }
        }
        System.out.printf("[property] %,d generated inputs tried on %d parameters (seed %d), answers by status: %s%n",
                tried, parameters().size(), SEED, statuses);

        assertThat(failures).as("answers that are a 5xx or not problem+json").isEmpty();
        assertThat(statuses).containsKey(400);
        assertThat(quietRowCounts()).as("article and sighting rows").isEqualTo(before);
    }

    /** Every query and path parameter of every endpoint, as the target that carries a value for it. */
    private static Map<String, Function<String, String>> parameters() {
        Map<String, Function<String, String>> parameters = new LinkedHashMap<>();
        for (String name : new String[] {"size", "cursor", "uploadId", "source", "from", "to", "sort"}) {
            parameters.put("GET /articles " + name, value -> "/articles?" + name + "=" + value);
        }
        parameters.put("GET /articles/{id}", value -> "/articles/" + value);
        parameters.put("GET /uploads/{uploadId}", value -> "/uploads/" + value);
        parameters.put("GET /uploads/{uploadId} size", value -> "/uploads/u?size=" + value);
        parameters.put("GET /uploads/{uploadId} cursor", value -> "/uploads/u?cursor=" + value);
        return parameters;
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
                Arbitraries.of("1", "u1").flatMap(version -> fields.list().ofSize(3)
                        .map(parts -> CursorToken.encode(version, parts.get(0), parts.get(1), parts.get(2)))));
    }

    /** Sent as they are, unencoded: percent signs without their digits, characters a target may not hold. */
    private static Arbitrary<String> percentGarbage() {
        return Arbitraries.strings().withChars("%0123456789ABCDEFabcdefxz|\"<>{}^`\\+&=#").ofMaxLength(30);
    }

    /** The value percent-encoded as UTF-8 for a query string, or (a space as %20) for a path parameter. */
    private static String encode(String value, String parameter) {
        String encoded = RawHttp.encode(value);
        return parameter.endsWith("}") ? encoded.replace("+", "%20") : encoded;
    }

    // ---------------------------------------------------------------- helpers

    private static Answer get(String target, String... headers) {
        return RawHttp.get(RestAssured.port, target, headers);
    }

    /** Article and sighting row counts, once two readings a second apart agree (other tests' events consumed). */
    private List<Long> quietRowCounts() {
        CatalogDatabase database = new CatalogDatabase(dataSource);
        AtomicReference<List<Long>> last = new AtomicReference<>(List.of());
        await("the catalog is quiet").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<Long> now = List.of(database.number("SELECT count(*) FROM article"),
                    database.number("SELECT count(*) FROM article_sighting"));
            return now.equals(last.getAndSet(now));
        });
        return last.get();
    }
}
