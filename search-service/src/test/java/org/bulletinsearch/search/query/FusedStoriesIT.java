package org.bulletinsearch.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulletinsearch.search.support.SearchApi.ids;
import static org.bulletinsearch.search.support.SearchApi.search;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.support.CatalogStoriesStub;
import org.bulletinsearch.search.support.JudgedCorpus;
import org.bulletinsearch.search.support.SearchApi;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Versions folded within a fused list (mode=hybrid), the real engine and model, the catalog's stories from
 * {@link CatalogStoriesStub}: a page whose fold moves another article onto it shows that article whole, though the
 * service asked the engine for the unfolded page's hits while the catalog answered.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
@QuarkusTestResource(value = CatalogStoriesStub.class, restrictToAnnotatedClass = true)
// a test resource of its own: after every class of the shared application (junit-platform.properties)
@Order(Integer.MAX_VALUE)
class FusedStoriesIT {

    private static final String QUERY = "customs cooperation";

    @Test
    void aVersionFoldedAwayInTheFusedListMakesRoomForTheNextArticleWhole() {
        JudgedCorpus corpus = JudgedCorpus.published();
        SearchApi.awaitVectors();
        JsonPath every = search("q", QUERY, "uploadId", corpus.uploads(), "mode", "hybrid", "collapse", false,
                "size", 3);
        assertThat(every.getList("modes", String.class)).contains("keyword", "semantic");
        List<String> fused = ids(every);
        assertThat(fused).hasSize(3);
        CatalogStoriesStub.tell(fused.get(0), fused.get(1));

        JsonPath first = search("q", QUERY, "uploadId", corpus.uploads(), "mode", "hybrid", "size", 1);
        assertThat(first.getBoolean("collapsed")).isTrue();
        assertThat(ids(first)).containsExactly(fused.get(0));
        assertThat(first.getList("hits[0].otherVersionIds", String.class)).containsExactly(fused.get(1));

        // unfolded, the second page would be the version folded away: the third article takes its place, whole
        JsonPath second = search("q", QUERY, "uploadId", corpus.uploads(), "mode", "hybrid", "size", 1,
                "cursor", first.getString("nextCursor"));
        assertThat(ids(second)).containsExactly(fused.get(2));
        assertThat(second.getString("hits[0].title")).isEqualTo(every.getString("hits[2].title"));
        assertThat(second.getString("hits[0].snippet")).isNotBlank().isEqualTo(every.getString("hits[2].snippet"));
    }
}
