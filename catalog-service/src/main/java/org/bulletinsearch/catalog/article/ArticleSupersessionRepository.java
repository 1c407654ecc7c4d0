package org.bulletinsearch.catalog.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Read access to the corrections ({@link ArticleSupersession}), by the id of the corrected article. */
@ApplicationScoped
public class ArticleSupersessionRepository implements PanacheRepositoryBase<ArticleSupersession, String> {
}
