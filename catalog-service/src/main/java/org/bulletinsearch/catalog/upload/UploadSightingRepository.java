package org.bulletinsearch.catalog.upload;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.bulletinsearch.catalog.article.ArticleSighting;

/** The sightings of one upload: its files and its articles in file order. */
@ApplicationScoped
public class UploadSightingRepository implements PanacheRepositoryBase<ArticleSighting, Long> {

    /**
     * Up to {@code limit} sightings of the upload with their articles, in (file name, position, article
     * id) order, after the cursor when there is one. The row comparison lets PostgreSQL start its scan of
     * {@code article_sighting_upload_file_idx} at the cursor, however deep the walk.
     */
    public List<ArticleSighting> page(String uploadId, UploadCursor after, int limit) {
        Parameters parameters = Parameters.with("uploadId", uploadId);
        String afterCursor = "";
        if (after != null) {
            afterCursor = " and (s.sourceName, s.position, s.article.id) > (:source, :position, :article)";
            parameters.and("source", after.sourceName()).and("position", after.position())
                    .and("article", after.articleId());
        }
        return find("from ArticleSighting s join fetch s.article where s.uploadId = :uploadId" + afterCursor
                        + " order by s.sourceName, s.position, s.article.id", parameters)
                .range(0, limit - 1).list();
    }

    /** The files of the upload with their sighting counts, by file name; empty for an unknown upload. */
    public List<UploadSource> sourcesOf(String uploadId) {
        return getEntityManager().createQuery("select new " + UploadSource.class.getName() + "(s.sourceName, count(s))"
                        + " from ArticleSighting s where s.uploadId = :uploadId"
                        + " group by s.sourceName order by s.sourceName", UploadSource.class)
                .setParameter("uploadId", uploadId)
                .getResultList();
    }
}
