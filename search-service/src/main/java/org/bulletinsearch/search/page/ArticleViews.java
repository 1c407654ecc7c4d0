package org.bulletinsearch.search.page;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bulletinsearch.edge.ResourceNotFoundException;
import org.bulletinsearch.events.ArticleId;
import org.bulletinsearch.search.page.ArticleView.EntityLink;
import org.bulletinsearch.search.page.ArticleView.ProvenanceRow;
import org.bulletinsearch.search.page.ArticleView.VersionRow;
import org.bulletinsearch.search.page.CatalogArticles.CatalogArticle;
import org.bulletinsearch.search.page.CatalogArticles.Sighting;
import org.bulletinsearch.search.page.CatalogArticles.Version;
import org.bulletinsearch.search.query.ArticleSearch;

/**
 * The article page's content: the article and its provenance from the catalog, related articles from the
 * index (the API's related query, in process).
 */
@ApplicationScoped
public class ArticleViews {

    /** Related articles listed under an article. */
    static final int RELATED = 5;
    /** The entity facets in the order the page lists them, with their labels. */
    private static final Map<String, String> FACET_LABELS = orderedLabels();

    /** What the page for an id is. */
    public sealed interface ArticlePage permits Shown, Moved, Failed {
    }

    /** The article. */
    public record Shown(ArticleView view) implements ArticlePage {
    }

    /** The article was corrected: its correction's page is at {@code url}. */
    public record Moved(String url) implements ArticlePage {
    }

    /** No article to show, and why. */
    public record Failed(ErrorView view) implements ArticlePage {
    }

    private final CatalogArticles catalog;
    private final ArticleSearch search;

    public ArticleViews(CatalogArticles catalog, ArticleSearch search) {
        this.catalog = catalog;
        this.search = search;
    }

    /** The page for {@code id} as it came in the URL. */
    public ArticlePage article(String id) {
        if (!ArticleId.isWellFormed(id)) {
            return new Failed(new ErrorView(404, "Article not found",
                    "An article id is 32 characters from 0-9 and a-f; this address has none."));
        }
        CatalogArticles.Lookup lookup = catalog.find(id);
        if (lookup instanceof CatalogArticles.Found found) {
            return new Shown(view(found.article()));
        }
        if (lookup instanceof CatalogArticles.Corrected corrected) {
            return new Moved(ArticleView.url(corrected.correction()));
        }
        if (lookup instanceof CatalogArticles.Unavailable unavailable) {
            return new Failed(new ErrorView(503, "Article unavailable", "The catalog cannot answer right now ("
                    + unavailable.reason() + "). Try again in a few seconds."));
        }
        return new Failed(new ErrorView(404, "Article not found",
                "The catalog holds no article with this id: it may have been deleted."));
    }

    private ArticleView view(CatalogArticle article) {
        List<String> paragraphs = Arrays.stream(article.body().split("\\n\\s*\\n")).map(String::strip)
                .filter(p -> !p.isEmpty()).toList();
        List<EntityLink> entities = FACET_LABELS.entrySet().stream()
                .flatMap(facet -> article.entities().getOrDefault(facet.getKey(), List.of()).stream()
                        .map(value -> new EntityLink(facet.getValue(), value,
                                SearchState.filtered(facet.getKey(), value))))
                .toList();
        List<ProvenanceRow> provenance = article.provenance().stream().map(ArticleViews::row).toList();
        List<HitView> related = List.of();
        String relatedError = null;
        try {
            related = search.related(article.id(), RELATED).hits().stream().map(HitView::of).toList();
        } catch (ResourceNotFoundException notIndexedYet) {
            // the catalog has it, the index not yet (or no more): nothing related to show
        } catch (HttpProblem problem) {
            relatedError = Problems.forPeople(problem, "Related articles cannot be listed");
        }
        return new ArticleView(article.id(), article.title(), paragraphs,
                article.firstSeenAt() == null ? null : Dates.minute(article.firstSeenAt()),
                article.firstSeenAt() == null ? null : article.firstSeenAt().toString(), entities,
                article.supersedes() == null ? null : ArticleView.url(article.supersedes()), provenance,
                article.otherVersions().stream().map(ArticleViews::version).toList(), related, relatedError);
    }

    private static Map<String, String> orderedLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("country", "Country");
        labels.put("region", "Region");
        labels.put("organization", "Organization");
        labels.put("programme", "Programme");
        labels.put("year", "Year");
        return Collections.unmodifiableMap(labels);
    }

    private static VersionRow version(Version version) {
        return new VersionRow(version.title(), ArticleView.url(version.id()), String.join(", ", version.sources()),
                version.firstSeenAt() == null ? null : Dates.minute(version.firstSeenAt()),
                version.firstSeenAt() == null ? null : version.firstSeenAt().toString());
    }

    private static ProvenanceRow row(Sighting sighting) {
        return new ProvenanceRow(sighting.uploadId(), sighting.sourceName(),
                SearchState.filtered("source", sighting.sourceName()), sighting.position(),
                sighting.ingestedAt() == null ? null : Dates.minute(sighting.ingestedAt()),
                sighting.ingestedAt() == null ? null : sighting.ingestedAt().toString());
    }
}
