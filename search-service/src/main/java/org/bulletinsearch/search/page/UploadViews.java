package org.bulletinsearch.search.page;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bulletinsearch.search.page.IngestUploads.Accepted;
import org.bulletinsearch.search.page.IngestUploads.FilePart;
import org.bulletinsearch.search.page.IngestUploads.Outcome;
import org.bulletinsearch.search.page.IngestUploads.Refused;
import org.bulletinsearch.search.page.IngestUploads.Report;
import org.bulletinsearch.search.page.UploadView.ArticleRow;
import org.bulletinsearch.search.page.UploadView.FileRow;
import org.bulletinsearch.search.page.UploadView.Refusal;

/** The upload page's content: checks the form, forwards it to ingest and says what came of it. */
@ApplicationScoped
public class UploadViews {

    private final IngestUploads ingest;

    public UploadViews(IngestUploads ingest) {
        this.ingest = ingest;
    }

    /**
     * @param key the API key as typed
     * @param files the chosen files (an empty file input sends one part without a name and without bytes)
     */
    public UploadView upload(String key, List<FilePart> files) {
        List<FilePart> chosen = files.stream().filter(f -> f.fileName() != null && !f.fileName().isBlank()).toList();
        if (key == null || key.isBlank()) {
            return refused(400, "Key missing", "Enter the upload key to upload bulletins.", null);
        }
        if (chosen.isEmpty()) {
            return refused(400, "No file chosen", "Choose at least one bulletin file to upload.", null);
        }
        return view(ingest.upload(key.strip(), chosen));
    }

    static UploadView view(Outcome outcome) {
        if (outcome instanceof Accepted accepted) {
            return new UploadView(200, null, report(accepted.report()));
        }
        if (outcome instanceof Refused refused) {
            return refusal(refused);
        }
        return refused(503, "Upload not possible now", "The ingest service cannot be reached. Nothing was uploaded;"
                + " try again in a few seconds.", null);
    }

    private static UploadView refusal(Refused refused) {
        if (refused.status() == 401 || refused.status() == 403) {
            return refused(refused.status(), "Key not accepted",
                    "The upload key was not accepted. Nothing was uploaded.", null);
        }
        String detail = refused.detail() != null ? refused.detail() : refused.title();
        String where = refused.source() == null && refused.line() == null ? null
                : (refused.source() != null ? refused.source() : "the upload")
                        + (refused.line() != null ? ", line " + refused.line() : "")
                        + (refused.reason() != null ? " (" + refused.reason() + ")" : "");
        String heading = refused.status() >= 500 ? "Upload not possible now" : "Upload refused";
        return refused(refused.status(), heading, Problems.sentence(capitalized(detail)) + " Nothing was uploaded.",
                where);
    }

    private static UploadView refused(int status, String heading, String message, String where) {
        return new UploadView(status, new Refusal(heading, message, where), null);
    }

    private static UploadView.Report report(Report report) {
        int known = report.alreadyKnownCount();
        int fresh = report.articleCount() - known;
        String summary = report.articleCount() + (report.articleCount() == 1 ? " article" : " articles") + ": "
                + fresh + " new, " + known + " already known";
        List<FileRow> files = report.sources().stream().map(s -> new FileRow(s.name(), s.articleCount())).toList();
        List<ArticleRow> articles = report.articles().stream().map(a -> new ArticleRow(ArticleView.url(a.id()),
                a.title(), a.position(), a.source(), a.alreadyKnown())).toList();
        return new UploadView.Report(report.uploadId(), summary, files, articles,
                Math.max(0, report.articleCount() - articles.size()));
    }

    private static String capitalized(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
