package org.bulletinsearch.search.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bulletinsearch.search.page.IngestUploads.Accepted;
import org.bulletinsearch.search.page.IngestUploads.Refused;
import org.bulletinsearch.search.page.IngestUploads.Report;
import org.bulletinsearch.search.page.IngestUploads.ReportArticle;
import org.bulletinsearch.search.page.IngestUploads.SourceCount;
import org.bulletinsearch.search.page.IngestUploads.Unreachable;
import org.junit.jupiter.api.Test;

/** What the upload page says about each outcome of an upload. */
class UploadViewsTest {

    @Test
    void anAcceptedUploadIsSummedUpAndItsArticlesLinkToTheirPages() {
        UploadView view = UploadViews.view(new Accepted(new Report("u-1", 5, 2, List.of(new SourceCount("a.txt", 5)),
                List.of(new ReportArticle("0123456789abcdef0123456789abcdef", "First", 1, "a.txt", false)))));
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.refusal()).isNull();
        assertThat(view.report().summary()).isEqualTo("5 articles: 3 new, 2 already known");
        assertThat(view.report().articles().get(0).url()).isEqualTo("/articles/0123456789abcdef0123456789abcdef");
        assertThat(view.report().more()).isEqualTo(4);
        assertThat(view.announcement()).isEqualTo("Uploaded: 5 articles: 3 new, 2 already known");
    }

    @Test
    void aRefusedFileIsNamedWithItsLineAndReason() {
        UploadView view = UploadViews.view(new Refused(400, "Bulletin cannot be read",
                "the title on line 7 has no body", "title-without-body", 7, "harbour.txt"));
        assertThat(view.status()).isEqualTo(400);
        assertThat(view.refusal().heading()).isEqualTo("Upload refused");
        assertThat(view.refusal().message()).isEqualTo("The title on line 7 has no body. Nothing was uploaded.");
        assertThat(view.refusal().where()).isEqualTo("harbour.txt, line 7 (title-without-body)");
    }

    @Test
    void aRefusedKeyAndAnUnreachableServiceAreSaidPlainly() {
        UploadView key = UploadViews.view(new Refused(403, "API key not accepted", "the API key is not valid", null, null, null));
        assertThat(key.status()).isEqualTo(403);
        assertThat(key.refusal().heading()).isEqualTo("Key not accepted");
        assertThat(key.refusal().where()).isNull();

        UploadView down = UploadViews.view(new Unreachable("the ingest service cannot be reached"));
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.refusal().message()).contains("cannot be reached").doesNotContain("Exception");
    }

    @Test
    void theFormIsCheckedBeforeAnythingIsSent() {
        UploadViews views = new UploadViews(null);
        assertThat(views.upload(" ", List.of()).refusal().heading()).isEqualTo("Key missing");
        assertThat(views.upload("key", List.of(new IngestUploads.FilePart("", "application/octet-stream", null)))
                .refusal().heading()).isEqualTo("No file chosen");
    }
}
