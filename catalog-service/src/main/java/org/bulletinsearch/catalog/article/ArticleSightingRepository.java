package org.bulletinsearch.catalog.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Read queries over {@link ArticleSighting}, the provenance of articles. */
@ApplicationScoped
public class ArticleSightingRepository implements PanacheRepositoryBase<ArticleSighting, Long> {

    /** Every place the article was seen in, oldest first. */
    public List<ArticleSighting> provenanceOf(String articleId) {
        return list("from ArticleSighting s where s.article.id = :articleId"
                        + " order by s.ingestedAt, s.uploadId, s.position",
                Parameters.with("articleId", articleId));
    }

    /** Up to {@code limit} sightings of one upload after a position, with their articles, in position order. */
    public List<ArticleSighting> ofUpload(String uploadId, int afterPosition, int limit) {
        return find("from ArticleSighting s join fetch s.article"
                        + " where s.uploadId = :uploadId and s.position > :after"
                        + " order by s.position, s.article.id",
                Parameters.with("uploadId", uploadId).and("after", afterPosition))
                .range(0, limit - 1).list();
    }

    public long countOfUpload(String uploadId) {
        return count("uploadId", uploadId);
    }
}
