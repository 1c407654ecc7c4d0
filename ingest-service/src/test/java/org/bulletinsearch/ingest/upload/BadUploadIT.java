package org.bulletinsearch.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulletinsearch.ingest.upload.Fixtures.HARBOUR_GAZETTE;
import static org.bulletinsearch.ingest.upload.Fixtures.VALLEY_COURIER;
import static org.bulletinsearch.ingest.upload.Uploads.withKey;
import static org.bulletinsearch.servicetesting.Problems.TYPE_BASE;
import static org.bulletinsearch.servicetesting.Problems.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gets a clear problem+json answer, with the line where it applies, and
 * publishes nothing: the consumer sees no new committed record afterwards.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
class BadUploadIT extends PublishesNothing {

    private static final String HARBOUR = Fixtures.text(HARBOUR_GAZETTE);

    @TestHTTPResource("/bulletins")
    URL bulletins;

    static Stream<Arguments> badTextFiles() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        byte[] noise = new byte[32 * 1024];
        new Random(7).nextBytes(noise);
        byte[] latin1 = "Café Müller Reopens\n\nCafé Müller Reopens\n\nCrème brûlée is back.\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder tooMany = new StringBuilder();
        for (int i = 1; i <= 1001; i++) {
            tooMany.append("Notice ").append(i).append("\nNotice ").append(i).append("\nText of notice ").append(i)
                    .append(".\n\n");
        }
        String invalid = "invalid-bulletin";
        return Stream.of(
                Arguments.of("empty file", new byte[0], invalid, "empty-file", null),
                Arguments.of("whitespace only", utf8(" \n\t\r\n   \n"), invalid, "empty-file", null),
                Arguments.of("PNG image", png, invalid, "binary-content", null),
                Arguments.of("random bytes", noise, invalid, "binary-content", null),
                Arguments.of("NUL bytes", utf8(HARBOUR.replace("Forty volunteers", "Forty\0\0volunteers")), invalid,
                        "binary-content", 11),
                Arguments.of("invalid UTF-8 without charset", latin1, invalid, "invalid-encoding", 1),
                Arguments.of("stray control character", utf8(HARBOUR.replace("Coffee will", "Coffee\u001Bwill")),
                        invalid, "control-character", 17),
                // three valid articles are sent in the transaction before the fourth fails: all aborted
                Arguments.of("title without body after valid articles", utf8(HARBOUR + "\nLonely Title\n\nLonely Title\n"),
                        invalid, "title-without-body", 19),
                Arguments.of("line over ingest.max-line-length", utf8(HARBOUR + "\nLong\n\nLong\n\n" + "x".repeat(100_001)),
                        invalid, "line-too-long", 23),
                Arguments.of("body paragraph where a title belongs", utf8("word ".repeat(150) + "\n\nT\n\nT\n\nBody.\n"),
                        invalid, "title-too-long", 1),
                Arguments.of("repeat in other letter case", utf8(HARBOUR + "\nNight Ferry\n\nNIGHT FERRY\n\nBody.\n"),
                        invalid, "ambiguous-layout", 21),
                Arguments.of("more articles than ingest.max-articles", utf8(tooMany.toString()), "payload-too-large",
                        "too-many-articles", 4001));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTextFiles")
    void badTextFileIsRefused(String name, byte[] body, String type, String reason, Integer line) {
        int status = type.equals("payload-too-large") ? 413 : 400;
        ValidatableResponse response = withKey().contentType("text/plain").body(body)
                .when().post("/bulletins")
                .then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo(TYPE_BASE + type))
                .body("reason", equalTo(reason))
                .body("title", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.notNullValue());
        if (line == null) {
            response.body("line", nullValue());
        } else {
            response.body("line", equalTo(line)).body("detail", containsString("line " + line));
        }
    }

    @Test
    void unsupportedMediaTypeIs415() {
        withKey().contentType("application/json").body("{\"title\":\"not a bulletin\"}")
                .when().post("/bulletins")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415))
                .body("type", equalTo(TYPE_BASE + "unsupported-media-type"));
    }

    @Test
    void unknownCharsetIs415() {
        withKey().contentType("text/plain; charset=klingon-8").body(Fixtures.bytes(HARBOUR_GAZETTE))
                .when().post("/bulletins")
                .then().statusCode(415).contentType("application/problem+json")
                .body("reason", equalTo("unsupported-charset")).body("detail", containsString("klingon-8"));
    }

    @Test
    void imagePartIs415() {
        withKey().multiPart("file", "photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png")
                .when().post("/bulletins")
                .then().statusCode(415).contentType("application/problem+json")
                .body("reason", equalTo("unsupported-media-type")).body("source", equalTo("photo.png"));
    }

    @Test
    void multipartWithoutFilePartIsRefused() {
        withKey().multiPart("comment", "no file here")
                .when().post("/bulletins")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(TYPE_BASE + "malformed-request")).body("reason", equalTo("no-file"));
    }

    @Test
    void oneBadFilePublishesNothingOfTheOthers() {
        withKey()
                .multiPart("file", HARBOUR_GAZETTE, Fixtures.bytes(HARBOUR_GAZETTE), "text/plain")
                .multiPart("file", "broken.txt", utf8("A Title\n\nA Title\n"), "text/plain")
                .multiPart("file", VALLEY_COURIER, Fixtures.bytes(VALLEY_COURIER), "text/plain")
                .when().post("/bulletins")
                .then().statusCode(400).contentType("application/problem+json")
                .body("reason", equalTo("title-without-body"))
                .body("source", equalTo("broken.txt"))
                .body("line", equalTo(1))
                .body("detail", containsString("broken.txt"));
    }

    @Test
    void announcedBodyOverTheLimitIsRefusedBeforeItIsSent() {
        // Only the headers go out: the service answers from the Content-Length alone.
        RawHttp.Answer answer = RawHttp.send(bulletins.getPort(), "POST", "/bulletins", List.of(Fixtures.API_KEY_HEADER,
                "Content-Type: text/plain", "Content-Length: " + (5 * 1024 * 1024), "Expect: 100-continue"), null);

        JsonNode problem = assertProblem(answer, 413, "payload-too-large");
        assertThat(problem.path("reason").asText()).isEqualTo("upload-too-large");
        assertThat(problem.path("limit").asLong()).isEqualTo(4_194_304);
        assertThat(answer.text()).contains("ingest.max-upload-size");
    }

    @Test
    void chunkedBodyOverTheLimitIsCutOff() throws Exception {
        // No Content-Length: the limit is found while streaming, after the valid articles at the start were
        // already sent in the transaction (about 500 of them). The transaction is aborted.
        byte[] article = utf8("Chunked Title\n\nChunked Title\n\n" + "A long body. ".repeat(600) + "\n\n");
        InputStream endless = new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent < 6L * 1024 * 1024 ? article[(int) (sent++ % article.length)] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len) {
                    int next = read();
                    if (next < 0) {
                        return n == 0 ? -1 : n;
                    }
                    b[off + n++] = (byte) next;
                }
                return n;
            }
        };
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(bulletins.toString()))
                .header("X-API-Key", Fixtures.API_KEY).header("Content-Type", "text/plain")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> endless)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"reason\":\"upload-too-large\"");
        } catch (IOException connectionCut) {
            // The server may close the connection while the client is still sending; either way the
            // upload was refused, and @AfterEach checks that nothing was published.
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void multipartCutOffBeforeItsClosingBoundaryIs400NotA500() {
        String boundary = "cut-off-boundary-42";
        byte[] form = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cut.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + HARBOUR).getBytes(StandardCharsets.UTF_8);

        RawHttp.Answer answer = RawHttp.send(bulletins.getPort(), "POST", "/bulletins",
                List.of(Fixtures.API_KEY_HEADER, "Content-Type: multipart/form-data; boundary=" + boundary), form);

        assertProblem(answer, 400, "malformed-request");
    }

    @Test
    void moreFilesThanOneUploadTakesIs413() {
        var request = withKey();
        for (int i = 0; i <= UploadedFile.MAX_FILES; i++) {
            request.multiPart("file", "part-" + i + ".txt", utf8("T" + i + "\n\nT" + i + "\n\nBody " + i + ".\n"),
                    "text/plain");
        }
        request.when().post("/bulletins")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo(TYPE_BASE + "payload-too-large"));
    }

    @Test
    void sourceWithControlCharacterIs400NamingTheParameter() {
        withKey().contentType("text/plain").body(Fixtures.bytes(HARBOUR_GAZETTE))
                .urlEncodingEnabled(false).queryParam("source", "harbour%00.txt")
                .when().post("/bulletins")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(TYPE_BASE + "invalid-parameter"))
                .body("parameter", equalTo("source"));
    }
}
