package org.bulletinsearch.catalog.article;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.bulletinsearch.catalog.article.ArticleLookup.Found;
import org.bulletinsearch.catalog.article.ArticleLookup.Superseded;
import org.bulletinsearch.catalog.database.ReadsDatabase;
import org.bulletinsearch.edge.Parameters;
import org.bulletinsearch.edge.ProblemType;
import org.bulletinsearch.edge.ResourceNotFoundException;

/** What {@code GET /articles} and {@code GET /articles/{id}} answer, read from the database. */
@ApplicationScoped
@ReadsDatabase
public class ArticleCatalog {

    private final ArticleRepository articles;
    private final ArticleSightingRepository sightings;
    private final ArticleSupersessionRepository supersessions;
    private final ArticleDeletionRepository deletions;
    private final ArticleTotals totals;

    public ArticleCatalog(ArticleRepository articles, ArticleSightingRepository sightings,
            ArticleSupersessionRepository supersessions, ArticleDeletionRepository deletions, ArticleTotals totals) {
        this.articles = articles;
        this.totals = totals;
        this.sightings = sightings;
        this.supersessions = supersessions;
        this.deletions = deletions;
    }

    /** One page of the query, with the cursor to the next page; a first page also with the total ({@link ArticleTotals}). */
    public ArticlePage page(ArticleQuery query) {
        // One more than asked for tells whether there is a next page without a second query.
        List<Article> found = articles.page(query.filter(), query.sort(), query.after(), query.size() + 1);
        boolean more = found.size() > query.size();
        List<Article> page = more ? found.subList(0, query.size()) : found;
        String next = more ? PageCursor.after(query.sort(), page.get(page.size() - 1)).encode() : null;
        ArticleTotals.Total total = query.after() == null ? totals.of(query.filter()) : null;
        return new ArticlePage(page.stream().map(ArticleSummary::of).toList(), total == null ? null : total.value(),
                total == null ? null : total.accuracy(), query.size(), next);
    }

    /**
     * The article and every place it was seen in, or the correction that replaced it.
     *
     * @throws HttpProblem 404 not-found when the catalog holds no article with this id; the detail says when
     *     and by whom it was deleted, if it was
     */
    public ArticleLookup lookup(String id) {
        Optional<ArticleSupersession> correction = supersessions.findByIdOptional(id);
        if (correction.isPresent()) {
            return new Superseded(new Correction(id, correction.get().getSupersedingId()));
        }
        Article article = articles.findByIdOptional(id).orElseThrow(() -> notFound(id));
        return new Found(ArticleDetails.of(article, sightings.provenanceOf(id)));
    }

    /**
     * Checks that the catalog holds the article (current or corrected).
     *
     * @throws HttpProblem 404 not-found as {@link #lookup} when it does not
     */
    public void requireStored(String id) {
        if (articles.findByIdOptional(id).isEmpty()) {
            throw notFound(id);
        }
    }

    /** The 404 of an article the catalog does not hold: the detail says whether, when and by whom it was deleted. */
    private HttpProblem notFound(String id) {
        return deletions.lastDeletionOf(id)
                .<HttpProblem>map(deletion -> ProblemType.NOT_FOUND.builder("article '" + id + "' was deleted at "
                                + deletion.getDeletedAt() + " by " + deletion.getDeletedBy()
                                + (deletion.getReason().isEmpty() ? "" : " (" + Parameters.abbreviate(deletion.getReason()) + ")")
                                + "; GET /articles/" + id + "/deletions has the record")
                        .with("resource", "article").build())
                .orElseGet(() -> new ResourceNotFoundException("article", id));
    }
}
