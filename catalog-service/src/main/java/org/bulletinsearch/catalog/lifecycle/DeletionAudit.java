package org.bulletinsearch.catalog.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bulletinsearch.catalog.article.ArticleDeletionRepository;
import org.bulletinsearch.catalog.article.ArticleRepository;
import org.bulletinsearch.catalog.database.ReadsDatabase;
import org.bulletinsearch.edge.ResourceNotFoundException;

/** {@code GET /articles/{id}/deletions}: the deletion audit of one article, read from the database. */
@ApplicationScoped
@ReadsDatabase
public class DeletionAudit {

    private final ArticleDeletionRepository deletions;
    private final ArticleRepository articles;

    public DeletionAudit(ArticleDeletionRepository deletions, ArticleRepository articles) {
        this.deletions = deletions;
        this.articles = articles;
    }

    /**
     * Every deletion and retraction of the article, oldest first; empty for an article never deleted.
     *
     * @throws ResourceNotFoundException when the catalog neither holds the article nor ever deleted it
     */
    public ArticleDeletions of(String articleId) {
        List<DeletionRecord> audit = deletions.auditOf(articleId).stream().map(DeletionRecord::of).toList();
        if (audit.isEmpty() && articles.findByIdOptional(articleId).isEmpty()) {
            throw new ResourceNotFoundException("article", articleId);
        }
        return new ArticleDeletions(articleId, audit);
    }
}
