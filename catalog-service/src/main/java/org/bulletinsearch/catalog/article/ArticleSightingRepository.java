package org.bulletinsearch.catalog.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Read queries over {@link ArticleSighting}, the provenance of articles. */
@ApplicationScoped
public class ArticleSightingRepository implements PanacheRepositoryBase<ArticleSighting, Long> {

    /**
     * SQL order of an article's sightings (alias {@code s}, table {@code article_sighting}) that puts first the
     * one that represents the article: the latest, i.e. the last of its provenance. The export's sighting
     * fields and a retraction's {@code current} are that sighting; its ties are broken by the content alone,
     * so that a catalog rebuilt from the topic picks the same one.
     */
    public static final String LATEST_FIRST = "s.ingested_at DESC, s.upload_id DESC, s.source_name DESC, s.position DESC";

    /** Every place the article was seen in, oldest first. */
    public List<ArticleSighting> provenanceOf(String articleId) {
        return list("from ArticleSighting s where s.article.id = :articleId"
                        + " order by s.ingestedAt, s.uploadId, s.sourceName, s.position",
                Parameters.with("articleId", articleId));
    }

    /** Every place any of the articles was seen in, oldest first. */
    public List<ArticleSighting> provenanceOf(Collection<String> articleIds) {
        return list("from ArticleSighting s where s.article.id in :ids"
                        + " order by s.ingestedAt, s.uploadId, s.sourceName, s.position",
                Parameters.with("ids", articleIds));
    }
}
