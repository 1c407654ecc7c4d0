package org.bulletinsearch.catalog.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.servicetesting.RawHttp;

/**
 * The catalog's lifecycle endpoints as a client calls them (raw requests, so nothing is repaired on the
 * way), and the waits for what the consumer applies afterwards. The test profile's keys are
 * {@value #KEY_ONE} (unnamed: its audit name is {@value #KEY_ONE_NAME}) and {@value #OPS_KEY} (named
 * {@value #OPS_NAME}).
 */
public final class Lifecycle {

    /** The first configured key; unnamed, so the audit calls it by its position. */
    public static final String KEY_ONE = "test-key-one";
    /** The audit name of {@link #KEY_ONE}. */
    public static final String KEY_ONE_NAME = "key-1";
    /** The key configured as {@code ops:test-key-ops}. */
    public static final String OPS_KEY = "test-key-ops";
    /** The audit name of {@link #OPS_KEY}. */
    public static final String OPS_NAME = "ops";

    /** How long the consumer may take to apply what was published. */
    public static final Duration APPLIED_WITHIN = Duration.ofSeconds(60);

    private Lifecycle() {
    }

    /** {@code DELETE target} with the key ({@code null}: none), e.g. {@code /articles/<id>?reason=x}. */
    public static RawHttp.Answer delete(String target, String key) {
        List<String> headers = new ArrayList<>();
        if (key != null) {
            headers.add("X-API-Key: " + key);
        }
        return RawHttp.send(RestAssured.port, "DELETE", target, headers, null);
    }

    /** {@code GET target}, answered as sent (a redirect is not followed). */
    public static RawHttp.Answer get(String target) {
        return RawHttp.get(RestAssured.port, target);
    }

    /** Waits until the catalog lists {@code articles} articles in the upload. */
    public static void awaitUploadStored(String uploadId, int articles) {
        await("upload " + uploadId + " stored").atMost(APPLIED_WITHIN).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().get("/uploads/{id}?size=1", uploadId)
                        .then().statusCode(200).body("articleCount", equalTo(articles)));
    }

    /** Waits until {@code GET /articles/{id}} answers {@code status}. */
    public static void awaitArticleStatus(String articleId, int status) {
        await("article " + articleId + " answering " + status).atMost(APPLIED_WITHIN)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> get("/articles/" + articleId).status() == status);
    }
}
