package org.bulletinsearch.catalog.upload;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bulletinsearch.catalog.article.ArticleSighting;
import org.bulletinsearch.catalog.database.ReadsDatabase;
import org.bulletinsearch.edge.ResourceNotFoundException;

/** What {@code GET /uploads/{uploadId}} answers, read from the database. */
@ApplicationScoped
@ReadsDatabase
public class UploadCatalog {

    private final UploadSightingRepository sightings;

    public UploadCatalog(UploadSightingRepository sightings) {
        this.sightings = sightings;
    }

    /**
     * One page of the upload's articles, after the cursor when there is one.
     *
     * @throws ResourceNotFoundException when the catalog holds no article of the upload
     */
    public UploadArticles page(String uploadId, UploadCursor after, int size) {
        List<UploadSource> sources = sightings.sourcesOf(uploadId);
        if (sources.isEmpty()) {
            throw new ResourceNotFoundException("upload", uploadId);
        }
        List<ArticleSighting> found = sightings.page(uploadId, after, size + 1);
        boolean more = found.size() > size;
        List<ArticleSighting> page = more ? found.subList(0, size) : found;
        // Every event of an upload carries the same ingestion time; a page past the end is empty, so
        // read it from the upload's first sighting then.
        ArticleSighting any = page.isEmpty() ? sightings.page(uploadId, null, 1).get(0) : page.get(0);
        String next = null;
        if (more) {
            ArticleSighting last = page.get(page.size() - 1);
            next = new UploadCursor(last.getSourceName(), last.getPosition(), last.getArticle().getId()).encode();
        }
        long count = sources.stream().mapToLong(UploadSource::articleCount).sum();
        return new UploadArticles(uploadId, sources.get(0).name(), any.getIngestedAt(), count, sources,
                page.stream().map(UploadArticle::of).toList(), next);
    }
}
