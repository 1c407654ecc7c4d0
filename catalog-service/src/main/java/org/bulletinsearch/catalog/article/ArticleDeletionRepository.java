package org.bulletinsearch.catalog.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Read queries over the deletion audit ({@link ArticleDeletion}); rows are written by the consumer only. */
@ApplicationScoped
public class ArticleDeletionRepository implements PanacheRepositoryBase<ArticleDeletion, Long> {

    /** Every deletion and retraction of the article, oldest first. */
    public List<ArticleDeletion> auditOf(String articleId) {
        return list("from ArticleDeletion d where d.articleId = :articleId order by d.deletedAt, d.kind",
                Parameters.with("articleId", articleId));
    }

    /** The article's latest deletion (not a retraction), if it was ever deleted. */
    public Optional<ArticleDeletion> lastDeletionOf(String articleId) {
        return find("from ArticleDeletion d where d.articleId = :articleId and d.kind = :kind order by d.deletedAt desc",
                Parameters.with("articleId", articleId).and("kind", ArticleDeletion.ARTICLE))
                .firstResultOptional();
    }
}
