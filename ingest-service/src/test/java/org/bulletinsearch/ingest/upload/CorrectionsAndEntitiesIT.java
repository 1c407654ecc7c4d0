package org.bulletinsearch.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulletinsearch.ingest.upload.Uploads.decode;
import static org.bulletinsearch.ingest.upload.Uploads.withKey;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.events.ArticleId;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.bulletinsearch.servicetesting.CommittedArticles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each event carries besides its text (issues 15 and 16): the article it corrects, and its entities. */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka"))
class CorrectionsAndEntitiesIT {

    private static final String ORIGINAL_TITLE = "Kenyan Customs Extends Post-Clearance Audit Pilot";
    private static final String CORRECTED = ORIGINAL_TITLE + "\n" + ORIGINAL_TITLE + "\n"
            + "The Kenya Revenue Authority extended its Post-Clearance Audit (PCA) pilot with the World Customs"
            + " Organization to the port of Mombasa in 2026, after a first phase at inland container depots.\n";

    private CommittedArticles topic;

    @BeforeEach
    void openTopic() {
        topic = ArticlesTopic.readCommitted();
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void everyEventCarriesTheEntitiesOfItsText() {
        withKey().contentType("text/plain").queryParam("source", "pca.txt").body(CORRECTED)
                .when().post("/bulletins").then().statusCode(202);

        ArticleEvent event = decode(topic.readSettled()).get(0);
        assertThat(event.entities()).isNotNull();
        assertThat(event.entities().country()).containsExactly("Kenya");
        assertThat(event.entities().region()).contains("Africa", "Eastern Africa");
        assertThat(event.entities().organization()).anySatisfy(o -> assertThat(o).contains("WCO"));
        assertThat(event.entities().programme()).anySatisfy(p -> assertThat(p).contains("PCA"));
        assertThat(event.entities().year()).containsExactly(2026);
    }

    @Test
    void aCorrectionOfOneArticleCarriesTheIdItSupersedes() {
        String earlier = ArticleId.of(ORIGINAL_TITLE, "The first version of this article, with a wrong port.");
        withKey().contentType("text/plain").queryParam("supersedes", earlier).body(CORRECTED)
                .when().post("/bulletins").then().statusCode(202);

        List<ArticleEvent> events = decode(topic.readSettled());
        assertThat(events).singleElement().extracting(ArticleEvent::supersedes).isEqualTo(earlier);
    }

    @Test
    void aCorrectionOfMoreThanOneArticleIsRefusedAndPublishesNothing() {
        String earlier = ArticleId.of(ORIGINAL_TITLE, "The first version.");
        withKey().contentType("text/plain").queryParam("supersedes", earlier)
                .body(CORRECTED + "\n" + "Second Story\nSecond Story\nA body of its own.\n")
                .when().post("/bulletins")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://bulletinsearch.org/problems/invalid-parameter"))
                .body("parameter", equalTo("supersedes"));

        assertThat(topic.readSettled()).isEmpty();
    }

    @Test
    void aMalformedOrSelfReferencingSupersedesIsRefused() {
        withKey().contentType("text/plain").queryParam("supersedes", "not-an-id").body(CORRECTED)
                .when().post("/bulletins")
                .then().statusCode(400).body("parameter", equalTo("supersedes"));
        String itself = ArticleId.of(ORIGINAL_TITLE, CORRECTED.substring(CORRECTED.lastIndexOf(ORIGINAL_TITLE)
                + ORIGINAL_TITLE.length() + 1).strip());
        withKey().contentType("text/plain").queryParam("supersedes", itself).body(CORRECTED)
                .when().post("/bulletins")
                .then().statusCode(400).body("parameter", equalTo("supersedes"));

        assertThat(topic.readSettled()).isEmpty();
    }
}
