package org.bulletinsearch.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.bulletinsearch.servicetesting.ArticlesTopic;
import org.bulletinsearch.servicetesting.CommittedArticles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every test of a class that sends only requests ingest must refuse checks afterwards: nothing new
 * was committed to the articles topic, not even part of an upload that failed half-way.
 */
abstract class PublishesNothing {

    private static CommittedArticles topic;

    @BeforeAll
    static void openTopic() {
        topic = ArticlesTopic.readCommitted();
    }

    @AfterAll
    static void closeTopic() {
        topic.close();
    }

    @AfterEach
    void nothingWasPublished() {
        assertThat(topic.readSettled()).as("committed records after a refused request").isEmpty();
    }
}
