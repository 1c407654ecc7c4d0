package org.bulletinsearch.catalog.article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;

/** Read queries over {@link Article} (current versions: corrected articles left out); writes go through {@link ArticleStore}. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {

    /** reltuples is -1 for a table never analyzed: that counts as 0. */
    static final String ESTIMATE = "SELECT greatest(0, greatest(0, (SELECT reltuples FROM pg_class WHERE oid = 'article'::regclass))"
            + " - greatest(0, (SELECT reltuples FROM pg_class WHERE oid = 'article_supersession'::regclass)))::bigint";

    /**
     * Up to {@code limit} articles matching the filter, in the given order, after the cursor's
     * position when there is one.
     */
    public List<Article> page(ArticleFilter filter, ArticleSort sort, PageCursor after, int limit) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = filterConditions(filter, conditions);
        if (after != null) {
            conditions.add("(a.firstSeenAt " + sort.after() + " :cursorTime"
                    + " or (a.firstSeenAt = :cursorTime and a.id " + sort.after() + " :cursorId))");
            parameters.and("cursorTime", after.firstSeenAt()).and("cursorId", after.articleId());
        }
        String query = "from Article a" + where(conditions)
                + " order by a.firstSeenAt " + sort.direction() + ", a.id " + sort.direction();
        return find(query, parameters).range(0, limit - 1).list();
    }

    /**
     * How many articles match the filter, counted no further than {@code limit}: the cost is one range of at
     * most {@code limit} rows however many match.
     */
    public long countUpTo(ArticleFilter filter, int limit) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = filterConditions(filter, conditions);
        // HQL wants an order for a limit in a subquery: the index's, so that PostgreSQL walks it and stops at the limit.
        TypedQuery<Long> query = getEntityManager().createQuery("select count(*) from (select a.id as id from Article a"
                + where(conditions) + " order by a.firstSeenAt desc, a.id desc limit " + limit + ") matching", Long.class);
        parameters.map().forEach(query::setParameter);
        return query.getSingleResult();
    }

    /**
     * PostgreSQL's estimate of the current articles: the planner statistics of the article table less those of
     * the corrected ones (refreshed by autovacuum's ANALYZE); 0 before the first ANALYZE. Costs two catalog
     * lookups, however large the tables.
     */
    public long estimatedCurrentCount() {
        Number estimate = (Number) getEntityManager().createNativeQuery(ESTIMATE).getSingleResult();
        return estimate.longValue();
    }

    private static Parameters filterConditions(ArticleFilter filter, List<String> conditions) {
        Parameters parameters = new Parameters();
        // Current versions only: an article hidden behind its correction is not listed.
        conditions.add("not exists (from ArticleSupersession p where p.supersededId = a.id)");
        if (filter.uploadId() != null) {
            conditions.add("exists (from ArticleSighting s where s.article = a and s.uploadId = :uploadId)");
            parameters.and("uploadId", filter.uploadId());
        }
        if (filter.sourceName() != null) {
            conditions.add("exists (from ArticleSighting s where s.article = a and s.sourceName = :sourceName)");
            parameters.and("sourceName", filter.sourceName());
        }
        if (filter.from() != null) {
            conditions.add("a.firstSeenAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("a.firstSeenAt < :to");
            parameters.and("to", filter.to());
        }
        return parameters;
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
