package org.bulletinsearch.catalog.article;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bulletinsearch.catalog.database.ReadsDatabase;
import org.bulletinsearch.edge.ResourceNotFoundException;

/** What {@code GET /articles} and {@code GET /articles/{id}} answer, read from the database. */
@ApplicationScoped
@ReadsDatabase
public class ArticleCatalog {

    private final ArticleRepository articles;
    private final ArticleSightingRepository sightings;

    public ArticleCatalog(ArticleRepository articles, ArticleSightingRepository sightings) {
        this.articles = articles;
        this.sightings = sightings;
    }

    /** One page of the query, with the total over all pages and the cursor to the next page. */
    public ArticlePage page(ArticleQuery query) {
        // One more than asked for tells whether there is a next page without a second query.
        List<Article> found = articles.page(query.filter(), query.sort(), query.after(), query.size() + 1);
        boolean more = found.size() > query.size();
        List<Article> page = more ? found.subList(0, query.size()) : found;
        String next = more ? PageCursor.after(query.sort(), page.get(page.size() - 1)).encode() : null;
        return new ArticlePage(page.stream().map(ArticleSummary::of).toList(), articles.count(query.filter()),
                query.size(), next);
    }

    /**
     * The article and every place it was seen in.
     *
     * @throws ResourceNotFoundException when the catalog holds no article with this id
     */
    public ArticleDetails details(String id) {
        Article article = articles.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("article", id));
        return ArticleDetails.of(article, sightings.provenanceOf(id));
    }
}
