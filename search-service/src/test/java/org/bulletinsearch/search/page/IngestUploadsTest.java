package org.bulletinsearch.search.page;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.search.page.IngestUploads.Accepted;
import org.bulletinsearch.search.page.IngestUploads.FilePart;
import org.bulletinsearch.search.page.IngestUploads.Outcome;
import org.bulletinsearch.search.page.IngestUploads.Refused;
import org.bulletinsearch.search.page.IngestUploads.Unreachable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload page's client of the ingest service, against a stub answering as ingest does. */
class IngestUploadsTest {

    private static final String REPORT = """
            {"uploadId":"u-1","receivedAt":"2026-11-25T10:15:30Z","articleCount":3,"alreadyKnownCount":1,
             "sources":[{"name":"one.txt","charset":"UTF-8","articleCount":2},{"name":"two.txt","charset":"UTF-8","articleCount":1}],
             "articles":[{"id":"00000000000000000000000000000001","title":"First","position":1,"source":"one.txt","alreadyKnown":false},
                         {"id":"00000000000000000000000000000002","title":"Second","position":2,"source":"one.txt","alreadyKnown":true},
                         {"id":"00000000000000000000000000000003","title":"Third","position":1,"source":"two.txt","alreadyKnown":false}]}
            """;

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();

    private IngestUploads client(URI ingest) {
        return new IngestUploads(TestConfigs.page(ingest), mapper);
    }

    private FilePart file(String spoolName, String fileName, String type, String content) throws IOException {
        return new FilePart(fileName, type, Files.writeString(dir.resolve(spoolName), content));
    }

    @Test
    void sendsEveryFileAsOnePartOfOneUploadWithTheKeyAndReadsTheReport() throws IOException {
        try (StubServer ingest = new StubServer().answer(202, "application/json", REPORT, Map.of())) {
            Outcome outcome = client(ingest.uri()).upload("the-key", List.of(
                    file("s1", "one \"quoted\".txt", "text/plain", "Alpha title\n\nAlpha title\n\nAlpha body.\n"),
                    file("s2", "zwei-é.txt", null, "Beta title\n\nBeta body.\n")));

            assertThat(ingest.received).hasSize(1);
            StubServer.Received request = ingest.received.get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/bulletins");
            assertThat(request.header("X-API-Key")).isEqualTo("the-key");
            assertThat(request.header("Content-Type")).startsWith("multipart/form-data; boundary=");
            String boundary = request.header("Content-Type").substring(request.header("Content-Type").indexOf('=') + 1);
            assertThat(request.text())
                    .startsWith("--" + boundary + "\r\n")
                    .contains("Content-Disposition: form-data; name=\"file\"; filename=\"one %22quoted%22.txt\"\r\n"
                            + "Content-Type: text/plain\r\n\r\nAlpha title\n\nAlpha title\n\nAlpha body.\n\r\n")
                    .contains("filename=\"zwei-é.txt\"\r\nContent-Type: text/plain\r\n\r\nBeta title")
                    .endsWith("--" + boundary + "--\r\n");

            assertThat(outcome).isInstanceOf(Accepted.class);
            IngestUploads.Report report = ((Accepted) outcome).report();
            assertThat(report.uploadId()).isEqualTo("u-1");
            assertThat(report.articleCount()).isEqualTo(3);
            assertThat(report.alreadyKnownCount()).isEqualTo(1);
            assertThat(report.sources()).extracting(IngestUploads.SourceCount::name).containsExactly("one.txt", "two.txt");
            // the test configuration lists two articles of a report
            assertThat(report.articles()).extracting(IngestUploads.ReportArticle::title).containsExactly("First", "Second");
            assertThat(report.articles().get(1).alreadyKnown()).isTrue();
        }
    }

    @Test
    void aRefusalKeepsTheProblemsReasonLineAndFile() throws IOException {
        String problem = """
                {"type":"https://bulletinsearch.org/problems/invalid-bulletin","title":"Bulletin cannot be read",
                 "status":400,"detail":"the title on line 7 has no body: line 11 starts the next article",
                 "instance":"/bulletins","reason":"title-without-body","line":7,"source":"harbour.txt"}
                """;
        try (StubServer ingest = new StubServer().answer(400, "application/problem+json", problem, Map.of())) {
            Outcome outcome = client(ingest.uri()).upload("k", List.of(file("s", "harbour.txt", "text/plain", "x")));
            assertThat(outcome).isEqualTo(new Refused(400, "Bulletin cannot be read",
                    "the title on line 7 has no body: line 11 starts the next article", "title-without-body", 7,
                    "harbour.txt"));
        }
    }

    @Test
    void answersThatAreNotProblemsAreStillSaidPlainly() throws IOException {
        try (StubServer ingest = new StubServer().answer(413, "text/plain", "too big", Map.of())) {
            assertThat(client(ingest.uri()).upload("k", List.of(file("s", "a.txt", "text/plain", "x"))))
                    .isEqualTo(new Refused(413, "Upload refused", "the ingest service answered 413", null, null, null));
            ingest.answer(502, "text/html", "<html>bad gateway</html>", Map.of());
            assertThat(client(ingest.uri()).upload("k", List.of(file("s2", "a.txt", "text/plain", "x"))))
                    .isEqualTo(new Unreachable("the ingest service answered 502"));
        }
    }

    @Test
    void anIngestServiceThatCannotBeReachedIsSaidSo() throws IOException {
        assertThat(client(URI.create("http://127.0.0.1:1")).upload("k", List.of(file("s", "a.txt", "text/plain", "x"))))
                .isEqualTo(new Unreachable("the ingest service cannot be reached"));
    }

    @Test
    void aKeyNoHeaderCanCarryIsRefusedWithoutAskingIngest() throws IOException {
        try (StubServer ingest = new StubServer()) {
            Outcome outcome = client(ingest.uri()).upload("line\nbreak", List.of(file("s", "a.txt", "text/plain", "x")));
            assertThat(outcome).isInstanceOf(Refused.class);
            assertThat(((Refused) outcome).status()).isEqualTo(403);
            assertThat(ingest.received).isEmpty();
        }
    }

    @Test
    void partTypesAndFileNamesAreMadeSafeForTheHeaders() {
        assertThat(IngestUploads.partType(null)).isEqualTo("text/plain");
        assertThat(IngestUploads.partType("text/plain; charset=windows-1252")).isEqualTo("text/plain; charset=windows-1252");
        assertThat(IngestUploads.partType("text/plain\r\nX-Evil: 1")).isEqualTo("text/plain");
        assertThat(IngestUploads.quoted("a\"b\r\nc.txt")).isEqualTo("a%22b%0D%0Ac.txt");
        assertThat(IngestUploads.quoted(" ")).isEqualTo("bulletin.txt");
    }
}
