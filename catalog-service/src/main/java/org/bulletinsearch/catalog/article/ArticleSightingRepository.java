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
                        + " order by s.ingestedAt, s.uploadId, s.sourceName, s.position",
                Parameters.with("articleId", articleId));
    }
}
