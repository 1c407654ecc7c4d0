package org.bulletinsearch.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.sessions.JqwikSession;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.bulletinsearch.servicetesting.CommittedArticles;
import org.bulletinsearch.servicetesting.Problems;
import org.bulletinsearch.servicetesting.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Property-based: hostile values for every parameter, header and body shape of the ingest API, from
 * jqwik's generators driven with a fixed seed (jqwik's engine cannot run inside a {@code @QuarkusTest}),
 * each sent byte for byte. Whatever comes in: never a 5xx; every 4xx is problem+json with type, title and
 * status; and nothing reaches the topic but the events of the uploads that were answered 202.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
class HostileInputIT {

    private static final long SEED = 20_261_125L;
    /** Inputs per shape, besides the generators' edge cases. */
    private static final int SAMPLES = 120;
    private static final String KEY = Fixtures.API_KEY_HEADER;
    private static final byte[] ONE_ARTICLE = "Hostile Input Notice\n\nHostile Input Notice\n\nA short body.\n"
            .getBytes(StandardCharsets.UTF_8);

    @TestHTTPResource("/bulletins")
    URL bulletins;

    private final Random random = new Random(SEED);
    /** Articles each accepted upload published, by upload id. */
    private final Map<String, Integer> accepted = new HashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int tried;

    @Test
    void hostileInputsNeverGet5xxAlwaysProblemJsonAndPublishNothingWhenRefused() {
        try (CommittedArticles topic = ArticlesTopic.readCommitted()) {
            JqwikSession.start();
            try {
                sendAll("source parameter", hostileText(300), value -> post("/bulletins?source=" + RawHttp.encode(value),
                        List.of(KEY, "Content-Type: text/plain"), ONE_ARTICLE));
                sendAll("source parameter, unencoded", rawQueryText(), value -> post("/bulletins?source=" + value,
                        List.of(KEY, "Content-Type: text/plain"), ONE_ARTICLE));
                sendAll("uploadId path parameter", hostileText(300), value -> request("GET",
                        "/bulletins/" + RawHttp.encode(value), List.of(KEY), null));
                sendAll("charset", headerText(), value -> post("/bulletins",
                        List.of(KEY, "Content-Type: text/plain; charset=" + value), ONE_ARTICLE));
                sendAll("Content-Type", contentTypes(), value -> post("/bulletins",
                        List.of(KEY, "Content-Type: " + value), ONE_ARTICLE));
                sendAll("Content-Disposition", headerText(), value -> post("/bulletins",
                        List.of(KEY, "Content-Type: text/plain", "Content-Disposition: attachment; filename=" + value),
                        ONE_ARTICLE));
                sendAll("API key", headerText(), value -> post("/bulletins",
                        List.of("X-API-Key: " + value, "Content-Type: text/plain"), ONE_ARTICLE));
                sendAll("raw body: random bytes", Arbitraries.bytes().array(byte[].class).ofMaxSize(4096),
                        body -> post("/bulletins", List.of(KEY, "Content-Type: text/plain"), body));
                sendAll("raw body: text with controls, BOMs, mixed line ends", bulletinText(),
                        text -> post("/bulletins", List.of(KEY, "Content-Type: text/plain; charset=UTF-8"),
                                text.getBytes(StandardCharsets.UTF_8)));
                sendAll("raw body: giant lines", Arbitraries.integers().between(90_000, 400_000),
                        length -> post("/bulletins", List.of(KEY, "Content-Type: text/plain"),
                                ("Giant\n\nGiant\n\n" + "g".repeat(length) + "\n").getBytes(StandardCharsets.UTF_8)));
                sendAll("multipart garbage", multipartGarbage(), body -> post("/bulletins",
                        List.of(KEY, "Content-Type: multipart/form-data; boundary=B0und4ry"), body));
                sendAll("multipart, many parts", Arbitraries.integers().between(0, 1_500), parts -> post("/bulletins",
                        List.of(KEY, "Content-Type: multipart/form-data; boundary=B0und4ry"), manyParts(parts)));
                sendAll("multipart part headers", headerText(), value -> post("/bulletins",
                        List.of(KEY, "Content-Type: multipart/form-data; boundary=B0und4ry"), onePart(value)));
            } finally {
                JqwikSession.finish();
            }
            System.out.printf("[hostile-input] %d inputs tried, %d uploads accepted%n", tried, accepted.size());
            assertThat(failures).as("answers that broke the rules (of %d inputs)", tried).isEmpty();

            List<ConsumerRecord<String, byte[]>> published = topic.readSettled();
            List<ArticleEvent> events = Uploads.decode(published);
            assertThat(events).extracting(ArticleEvent::uploadId).as("events of refused uploads")
                    .allMatch(accepted::containsKey);
            assertThat(events).hasSize(accepted.values().stream().mapToInt(Integer::intValue).sum());
        }
    }

    /** Sends every edge case and {@link #SAMPLES} samples of the arbitrary, and checks each answer. */
    private <T> void sendAll(String shape, Arbitrary<T> values, Function<T, RawHttp.Answer> send) {
        List<T> inputs = new ArrayList<>();
        values.edgeCases(20).forEach(edgeCase -> inputs.add(edgeCase.value()));
        RandomGenerator<T> generator = values.generator(1_000);
        for (int i = 0; i < SAMPLES; i++) {
            Shrinkable<T> sample = generator.next(random);
            inputs.add(sample.value());
        }
        for (T input : inputs) {
            tried++;
            RawHttp.Answer answer = send.apply(input);
            check(shape, input, answer);
        }
    }

    private void check(String shape, Object input, RawHttp.Answer answer) {
        Problems.violation(answer).ifPresent(violation -> failures.add(shape + " " + printable(input) + ": "
                + violation + " " + answer.headers()));
        if (answer.status() == 202) {
            accepted.put(answer.json().path("uploadId").asText(), answer.json().path("articleCount").asInt());
        }
    }

    private static String printable(Object input) {
        String text = input instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(input);
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    // ---- the shapes ----

    /** Any text: every code point, control characters, NUL, lone surrogates, path separators, huge numbers. */
    private static Arbitrary<String> hostileText(int maxLength) {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(maxLength),
                Arbitraries.strings().withChars("\u0000\u0001\u001F\u007F\u0085\u00AD\u200B\u202E\uFEFF/\\.:%+")
                        .ofMaxLength(40),
                Arbitraries.of("..", "../../etc/passwd", "C:\\bulletins\\a.txt", "+999999999-12-31", "-1",
                        "99999999999999999999", "%00", "a\u0000b", "Cafe\u0301.txt", "\uD800", " ", ""));
    }

    /**
     * Printable ASCII as it may appear unencoded in a query string, including what must be encoded (a raw
     * space makes the request line no HTTP at all).
     */
    private static Arbitrary<String> rawQueryText() {
        return Arbitraries.strings().withCharRange('!', '~').withChars("%%% ").ofMaxLength(60);
    }

    /**
     * Header values: any character, sent as UTF-8, also the control characters a field value must not hold
     * (RFC 9110 section 5.5); line ends only frame a header, so they become spaces.
     */
    private static Arbitrary<String> headerText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200),
                Arbitraries.of("UTF-8", "utf-16", "\"UTF-8\"", "klingon-8", "x-unknown", ";", "=", "\"",
                        "UTF-8; charset=latin1", "''", "UTF-8''%C3%A9.txt", "*"))
                .map(value -> value.replace('\r', ' ').replace('\n', ' '));
    }

    private static Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(
                headerText(),
                Arbitraries.of("text/plain", "text/plain;", "text/plain;;charset", "text/plain; charset=",
                        "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
                        "application/octet-stream", "application/x-www-form-urlencoded", "*/*", "text/*",
                        "application/json; charset=UTF-8", "TEXT/PLAIN; CHARSET=UTF-16BE"));
    }

    /** Bulletin-like text with NUL, control characters, BOMs in the middle, every kind of line end. */
    private static Arbitrary<String> bulletinText() {
        Arbitrary<String> lines = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars(" .,").ofMinLength(1).ofMaxLength(80),
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withChars("\u0000\u0007\u001B\uFEFF\u200B\u00AD\u0085\t \u0301").ofMaxLength(10),
                Arbitraries.of("", " ", "Same Title", "same title", "Cafe\u0301", "Caf\u00e9", "\uFEFFTitle"));
        Arbitrary<String> lineEnds = Arbitraries.of("\n", "\r\n", "\r", "\n\n", "\r\r\n");
        return lines.list().ofMaxSize(40).flatMap(chosen -> lineEnds.list().ofSize(chosen.size()).map(ends -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < chosen.size(); i++) {
                text.append(chosen.get(i)).append(ends.get(i));
            }
            return text.toString();
        }));
    }

    /** Bodies built from the pieces of multipart syntax, in any order, cut anywhere. */
    private static Arbitrary<byte[]> multipartGarbage() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("--B0und4ry\r\n", "--B0und4ry--\r\n", "--B0und4ry", "\r\n", "\r\n\r\n", "--",
                        "Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n",
                        "Content-Disposition: form-data; name=\"file\"\r\n",
                        "Content-Disposition: form-data; name=\"other\"\r\n",
                        "Content-Type: text/plain; charset=UTF-16\r\n", "Content-Type: image/png\r\n",
                        "Content-Transfer-Encoding: base64\r\n", "Title\n\nTitle\n\nBody.\n"),
                Arbitraries.strings().all().ofMaxLength(40));
        return pieces.list().ofMaxSize(30).map(list -> String.join("", list).getBytes(StandardCharsets.UTF_8));
    }

    /** A well-formed form of {@code count} small file parts. */
    private static byte[] manyParts(int count) {
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            form.writeBytes(("--B0und4ry\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p" + i
                    + ".txt\"\r\nContent-Type: text/plain\r\n\r\nPart " + i + "\n\nPart " + i + "\n\nBody " + i
                    + ".\n\r\n").getBytes(StandardCharsets.UTF_8));
        }
        form.writeBytes("--B0und4ry--\r\n".getBytes(StandardCharsets.UTF_8));
        return form.toByteArray();
    }

    /** One file part whose file name, type and charset are the hostile value. */
    private static byte[] onePart(String value) {
        return ("--B0und4ry\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + value
                + "\"\r\nContent-Type: text/plain; charset=" + value + "\r\n\r\n"
                + new String(ONE_ARTICLE, StandardCharsets.UTF_8) + "\r\n--B0und4ry--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    // ---- sending ----

    private RawHttp.Answer post(String target, List<String> headers, byte[] body) {
        return request("POST", target, headers, body);
    }

    private RawHttp.Answer request(String method, String target, List<String> headers, byte[] body) {
        return RawHttp.send(bulletins.getPort(), method, target, headers, body);
    }
}
