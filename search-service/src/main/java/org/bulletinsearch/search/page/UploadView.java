package org.bulletinsearch.search.page;

import java.util.List;

/**
 * The upload page ({@code templates/upload.html}): the form, and after an upload its report or why it was refused.
 *
 * @param refusal why nothing was uploaded; null when nothing was tried or it was accepted
 * @param report the report of an accepted upload; null otherwise
 */
public record UploadView(int status, Refusal refusal, Report report) implements PageView {

    /** The empty form. */
    static final UploadView FORM = new UploadView(200, null, null);

    /**
     * Why nothing was uploaded.
     *
     * @param where the file, line and reason the ingest service named, e.g. "bad.txt, line 7 (title-without-body)";
     *              null when it named none
     */
    public record Refusal(String heading, String message, String where) {
    }

    /**
     * An accepted upload.
     *
     * @param summary e.g. "8 articles: 6 new, 2 already known"
     * @param articles the first articles of the report
     * @param more how many more the report has than are listed (0 for none)
     */
    public record Report(String uploadId, String summary, List<FileRow> files, List<ArticleRow> articles, int more) {
    }

    /** One file of the upload. */
    public record FileRow(String name, int articles) {
    }

    /** One article of the upload; {@code url} is its article page. */
    public record ArticleRow(String url, String title, int position, String source, boolean alreadyKnown) {
    }

    @Override
    public String title() {
        return "Upload";
    }

    @Override
    public String announcement() {
        return refusal != null ? refusal.heading() : report != null ? "Uploaded: " + report.summary() : "";
    }
}
