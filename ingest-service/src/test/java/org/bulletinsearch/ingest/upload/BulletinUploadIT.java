package org.bulletinsearch.ingest.upload;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bulletinsearch.ingest.upload.Fixtures.HARBOUR_GAZETTE;
import static org.bulletinsearch.ingest.upload.Fixtures.VALLEY_COURIER;
import static org.bulletinsearch.ingest.upload.Uploads.decode;
import static org.bulletinsearch.ingest.upload.Uploads.withKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.UUID;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.platform.BulletinGenerator;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.bulletinsearch.servicetesting.CommittedArticles;
import org.bulletinsearch.servicetesting.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Uploads over HTTP, read back from the real topic with a read_committed consumer: what is published,
 * under which names, with which text.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
class BulletinUploadIT {

    private static final List<String> HARBOUR_TITLES = List.of("Lindqvist Harbour Opens Its New Ferry Terminal",
            "Volunteers Count Seabirds on the Northern Cliffs", "Library Extends Opening Hours for Exam Season");

    @TestHTTPResource("/bulletins")
    URL bulletins;

    private CommittedArticles topic;

    @BeforeEach
    void openTopic() {
        topic = ArticlesTopic.readCommitted();
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void plainTextUploadPublishesOneEventPerArticleBeforeAnswering() {
        JsonPath report = withKey().contentType("text/plain").queryParam("source", HARBOUR_GAZETTE)
                .body(Fixtures.bytes(HARBOUR_GAZETTE))
                .when().post("/bulletins")
                .then().statusCode(202).contentType("application/json")
                .header("Location", containsString("/bulletins/"))
                .extract().jsonPath();

        String uploadId = report.getString("uploadId");
        assertThat(report.getInt("articleCount")).isEqualTo(3);
        assertThat(report.getList("articles.title", String.class)).containsExactlyElementsOf(HARBOUR_TITLES);
        assertThat(report.getList("articles.position", Integer.class)).containsExactly(1, 2, 3);
        assertThat(report.getList("articles.source", String.class)).containsOnly(HARBOUR_GAZETTE);
        assertThat(report.getList("sources.name", String.class)).containsExactly(HARBOUR_GAZETTE);
        assertThat(report.getList("sources.charset", String.class)).containsExactly("UTF-8");

        List<ArticleEvent> events = decode(topic.readSettled());
        assertThat(events).hasSize(3);
        assertThat(events).extracting(ArticleEvent::articleId)
                .containsExactlyInAnyOrderElementsOf(report.getList("articles.id", String.class));
        assertThat(events).allSatisfy(event -> {
            assertThat(event.uploadId()).isEqualTo(uploadId);
            assertThat(event.sourceName()).isEqualTo(HARBOUR_GAZETTE);
            assertThat(event.ingestedAt().toString()).isEqualTo(report.getString("receivedAt"));
        });
        assertThat(events).filteredOn(event -> event.position() == 2).singleElement()
                .satisfies(event -> {
                    assertThat(event.title()).isEqualTo(HARBOUR_TITLES.get(1));
                    assertThat(event.body()).startsWith("Forty volunteers spent the weekend");
                });
    }

    @Test
    void reportCanBeFetchedAgainFromItsLocation() {
        var accepted = withKey().contentType("text/plain").body(Fixtures.bytes(VALLEY_COURIER))
                .when().post("/bulletins")
                .then().statusCode(202).extract();
        String location = accepted.header("Location");

        String again = withKey().when().get(location).then().statusCode(200).contentType("application/json")
                .extract().asString();

        assertThat(again).isEqualTo(accepted.asString());
        assertThat(JsonPath.from(again).getString("uploadId") + ".txt")
                .as("no name given: the upload id names the source")
                .isEqualTo(JsonPath.from(again).getString("sources[0].name"));
    }

    @Test
    void unknownUploadIsNotFound() {
        withKey().when().get("/bulletins/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://bulletinsearch.org/problems/not-found"))
                .body("resource", equalTo("upload"));
    }

    @Test
    void multipartUploadOfSeveralFilesIsOneUpload() {
        JsonPath report = withKey()
                .multiPart("file", HARBOUR_GAZETTE, Fixtures.bytes(HARBOUR_GAZETTE), "text/plain")
                .multiPart("file", VALLEY_COURIER, Fixtures.bytes(VALLEY_COURIER), "text/plain; charset=UTF-8")
                .when().post("/bulletins")
                .then().statusCode(202).extract().jsonPath();

        assertThat(report.getInt("articleCount")).isEqualTo(5);
        assertThat(report.getList("articles.position", Integer.class)).containsExactly(1, 2, 3, 1, 2);
        assertThat(report.getList("sources.name", String.class)).containsExactly(HARBOUR_GAZETTE, VALLEY_COURIER);
        assertThat(report.getList("sources.articleCount", Integer.class)).containsExactly(3, 2);

        List<ArticleEvent> events = decode(topic.readSettled());
        assertThat(events).hasSize(5).extracting(ArticleEvent::uploadId).containsOnly(report.getString("uploadId"));
        assertThat(events).filteredOn(event -> event.sourceName().equals(VALLEY_COURIER))
                .extracting(ArticleEvent::position).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void reuploadPublishesTheSameKeysAndReportsThemAsAlreadyKnown() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String bulletin = "Ferry Timetable " + unique + "\n\nFerry Timetable " + unique
                + "\n\nThe winter timetable starts on Sunday.\n\nMarket Day " + unique + "\n\nMarket Day " + unique
                + "\n\nStalls open at seven on the square.\n";

        JsonPath first = withKey().contentType("text/plain").body(bulletin).when().post("/bulletins")
                .then().statusCode(202).extract().jsonPath();
        JsonPath second = withKey().contentType("text/plain").body(bulletin).when().post("/bulletins")
                .then().statusCode(202).extract().jsonPath();

        assertThat(first.getList("articles.alreadyKnown", Boolean.class)).containsOnly(false);
        assertThat(second.getList("articles.alreadyKnown", Boolean.class)).containsOnly(true);
        assertThat(second.getInt("alreadyKnownCount")).isEqualTo(2);
        assertThat(second.getList("articles.id", String.class)).isEqualTo(first.getList("articles.id", String.class));

        List<ArticleEvent> events = decode(topic.readSettled());
        assertThat(events).hasSize(4);
        assertThat(events).filteredOn(e -> e.uploadId().equals(second.getString("uploadId")))
                .extracting(ArticleEvent::articleId)
                .containsExactlyInAnyOrderElementsOf(first.getList("articles.id", String.class));
    }

    @Test
    void declaredCharsetsAreHonoured() {
        String cafe = "Café Müller Reopens by the Quay\n\nCafé Müller Reopens by the Quay\n\n"
                + "The café serves crème brûlée again; a coffee costs “3 €” now.\n";
        Charset windows1252 = Charset.forName("windows-1252");

        JsonPath fromWindows = withKey().contentType("text/plain; charset=windows-1252").body(cafe.getBytes(windows1252))
                .when().post("/bulletins").then().statusCode(202).extract().jsonPath();
        JsonPath fromUtf16 = withKey().contentType("text/plain; charset=UTF-16").body(cafe.getBytes(StandardCharsets.UTF_16))
                .when().post("/bulletins").then().statusCode(202).extract().jsonPath();
        JsonPath fromUtf8 = withKey().contentType("text/plain").body(cafe.getBytes(StandardCharsets.UTF_8))
                .when().post("/bulletins").then().statusCode(202).extract().jsonPath();

        assertThat(fromWindows.getString("articles[0].title")).isEqualTo("Café Müller Reopens by the Quay");
        assertThat(fromWindows.getString("sources[0].charset")).isEqualTo("windows-1252");
        assertThat(fromUtf16.getString("articles[0].id")).isEqualTo(fromWindows.getString("articles[0].id"));
        assertThat(fromUtf8.getString("articles[0].id")).isEqualTo(fromWindows.getString("articles[0].id"));
        assertThat(decode(topic.readSettled())).hasSize(3)
                .allSatisfy(event -> assertThat(event.body()).contains("crème brûlée", "“3 €”"));
    }

    @Test
    void sourceNameComesFromContentDispositionWithoutDirectories() {
        // RFC 6266 quoted-string: a backslash in the name is sent escaped, as \\
        JsonPath report = withKey().contentType("text/plain")
                .header("Content-Disposition", "attachment; filename=\"C:\\\\bulletins\\\\valley-courier.txt\"")
                .body(Fixtures.bytes(VALLEY_COURIER))
                .when().post("/bulletins").then().statusCode(202).extract().jsonPath();

        assertThat(report.getString("sources[0].name")).isEqualTo(VALLEY_COURIER);
        assertThat(decode(topic.readSettled())).extracting(ArticleEvent::sourceName).containsOnly(VALLEY_COURIER);
    }

    @Test
    void bearerTokenAndSecondKeyAreAccepted() {
        given().config(Uploads.NO_DEFAULT_CHARSET).header("Authorization", "Bearer " + Fixtures.API_KEY)
                .contentType("text/plain").body(Fixtures.bytes(VALLEY_COURIER))
                .when().post("/bulletins").then().statusCode(202);
        given().config(Uploads.NO_DEFAULT_CHARSET).header("X-API-Key", Fixtures.SECOND_API_KEY)
                .contentType("text/plain").body(Fixtures.bytes(VALLEY_COURIER))
                .when().post("/bulletins").then().statusCode(202);

        assertThat(topic.readSettled()).hasSize(4);
    }

    @Test
    void fileFieldWithoutFileNameIsABulletinNotA413() {
        // What curl -F 'file=<bulletin.txt' sends: a form field named "file", no filename, no Content-Type,
        // 5.5 KB (far above the 2 KB of an ordinary form field).
        String bulletin = bulletinOfSize(5_632);
        String boundary = "curl-like-boundary-7d1f";
        byte[] form = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n" + bulletin
                + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);

        RawHttp.Answer answer = RawHttp.send(bulletins.getPort(), "POST", "/bulletins",
                List.of(Fixtures.API_KEY_HEADER, "Content-Type: multipart/form-data; boundary=" + boundary), form);

        assertThat(answer.status()).as(answer.text()).isEqualTo(202);
        JsonPath report = JsonPath.from(answer.text());
        assertThat(report.getList("sources.name", String.class)).containsExactly("file");
        assertThat(decode(topic.readSettled())).hasSize(report.getInt("articleCount"))
                .extracting(ArticleEvent::sourceName).containsOnly("file");
    }

    @Test
    void twoFilesWithTheSameContentPublishEverySighting() {
        byte[] harbour = Fixtures.bytes(HARBOUR_GAZETTE);
        JsonPath report = withKey()
                .multiPart("file", "monday.txt", harbour, "text/plain")
                .multiPart("file", "tuesday.txt", harbour, "text/plain")
                .when().post("/bulletins")
                .then().statusCode(202).extract().jsonPath();

        assertThat(report.getInt("articleCount")).isEqualTo(6);
        assertThat(report.getList("sources.name", String.class)).containsExactly("monday.txt", "tuesday.txt");
        assertThat(report.getList("sources.articleCount", Integer.class)).containsExactly(3, 3);
        List<ArticleEvent> events = decode(topic.readSettled());
        assertThat(events).hasSize(6);
        assertThat(events).filteredOn(e -> e.sourceName().equals("tuesday.txt")).extracting(ArticleEvent::position)
                .containsExactlyInAnyOrder(1, 2, 3);
        assertThat(events).filteredOn(e -> e.sourceName().equals("monday.txt")).extracting(ArticleEvent::articleId)
                .containsExactlyInAnyOrderElementsOf(events.stream().filter(e -> e.sourceName().equals("tuesday.txt"))
                        .map(ArticleEvent::articleId).toList());
    }

    @Test
    void filesOfTheSameNameInOneUploadGetNamesOfTheirOwn() {
        JsonPath report = withKey()
                .multiPart("file", "bulletin.txt", Fixtures.bytes(HARBOUR_GAZETTE), "text/plain")
                .multiPart("file", "bulletin.txt", Fixtures.bytes(VALLEY_COURIER), "text/plain")
                .when().post("/bulletins")
                .then().statusCode(202).extract().jsonPath();

        assertThat(report.getList("sources.name", String.class)).containsExactly("bulletin.txt", "bulletin (2).txt");
        assertThat(decode(topic.readSettled())).extracting(ArticleEvent::sourceName, ArticleEvent::position)
                .doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void repeatedTitleInDecomposedUnicodeIsRecognisedAsTheRepeat() {
        String composed = "Caf\u00e9 M\u00fcller Reopens by the Quay";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        String bulletin = composed + "\n\n" + decomposed + "\n\nThe caf\u00e9 serves cr\u00e8me br\u00fbl\u00e9e again.\n";

        JsonPath report = withKey().contentType("text/plain").body(bulletin.getBytes(StandardCharsets.UTF_8))
                .when().post("/bulletins").then().statusCode(202).extract().jsonPath();

        assertThat(report.getList("articles.title", String.class)).containsExactly(composed);
        assertThat(decode(topic.readSettled())).singleElement().satisfies(event -> {
            assertThat(event.title()).isEqualTo(composed);
            assertThat(event.body()).isEqualTo("The caf\u00e9 serves cr\u00e8me br\u00fbl\u00e9e again.");
        });
    }

    @Test
    void repeatedTitleEndingInZeroWidthSpaceIsRecognisedAsTheRepeat() {
        String title = "Night Ferry Returns for the Summer " + UUID.randomUUID().toString().substring(0, 8);
        String bulletin = title + "\n\n" + title + "\u200B\n\nThe night ferry sails again from June.\n";

        withKey().contentType("text/plain").body(bulletin.getBytes(StandardCharsets.UTF_8))
                .when().post("/bulletins").then().statusCode(202);

        assertThat(decode(topic.readSettled())).singleElement().satisfies(event -> {
            assertThat(event.title()).isEqualTo(title);
            assertThat(event.body()).isEqualTo("The night ferry sails again from June.").doesNotContain(title);
        });
    }

    @Test
    void eventsCarryComposedText() {
        String title = Normalizer.normalize("Z\u00fcrich Opens a Caf\u00e9 " + UUID.randomUUID().toString()
                .substring(0, 8), Normalizer.Form.NFD);
        String body = Normalizer.normalize("In Z\u00fcrich the caf\u00e9 opened on Monday.", Normalizer.Form.NFD);

        withKey().contentType("text/plain").body((title + "\n\n" + title + "\n\n" + body + "\n")
                .getBytes(StandardCharsets.UTF_8)).when().post("/bulletins").then().statusCode(202);

        assertThat(decode(topic.readSettled())).singleElement().satisfies(event -> {
            assertThat(Normalizer.isNormalized(event.title(), Normalizer.Form.NFC)).as(event.title()).isTrue();
            assertThat(Normalizer.isNormalized(event.body(), Normalizer.Form.NFC)).as(event.body()).isTrue();
            assertThat(event.body()).isEqualTo(Normalizer.normalize(body, Normalizer.Form.NFC));
        });
    }

    /** Articles from the platform's generator, at least {@code bytes} characters of them. */
    private static String bulletinOfSize(int bytes) {
        BulletinGenerator generator = new BulletinGenerator(bytes);
        StringBuilder bulletin = new StringBuilder();
        for (int serial = 1; bulletin.length() < bytes; serial++) {
            String title = generator.title(serial);
            bulletin.append(title).append("\n\n").append(title).append("\n\n").append(generator.body()).append("\n\n");
        }
        return bulletin.toString();
    }
}
