package org.bulletinsearch.search.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The search API as the tests use it. */
public final class SearchApi {

    private SearchApi() {
    }

    /** GET /search with the parameters given as name, value pairs (names may repeat); expects 200. */
    public static JsonPath search(Object... parameters) {
        return request(parameters).get("/search").then().statusCode(200).extract().jsonPath();
    }

    /**
     * A request with the parameters given as name, value pairs; {@code mode=keyword} unless a mode is given: the
     * tests of ranking, paging and filters are about the keyword search (hybrid has tests of its own).
     */
    public static RequestSpecification request(Object... parameters) {
        RequestSpecification request = given().urlEncodingEnabled(true);
        boolean modeGiven = false;
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            modeGiven |= "mode".equals(parameters[i]);
        }
        if (!modeGiven) {
            request = request.queryParam("mode", "keyword");
        }
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            Object value = parameters[i + 1];
            if (value instanceof Collection<?> values) {
                request = request.queryParam((String) parameters[i], new ArrayList<>(values));
            } else {
                request = request.queryParam((String) parameters[i], value);
            }
        }
        return request;
    }

    /** Ids of the hits of one page. */
    public static List<String> ids(JsonPath page) {
        return page.getList("hits.id", String.class);
    }

    /** Waits until the uploads hold {@code expected} searchable articles (indexed and refreshed). */
    public static void awaitIndexed(Collection<String> uploadIds, long expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(
                () -> search("uploadId", uploadIds, "size", 0).getLong("total") == expected);
    }

    /** The API key of the test profile's admin endpoints. */
    public static final String ADMIN_KEY = "test-admin-key";

    /** Waits until every article in the index has its vector (GET /admin/vectors says none is missing). */
    public static void awaitVectors() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).until(() -> given()
                .header("X-API-Key", ADMIN_KEY).get("/admin/vectors").then().statusCode(200).extract()
                .jsonPath().getLong("missing") == 0);
    }

    public static void awaitIndexed(String uploadId, long expected) {
        awaitIndexed(List.of(uploadId), expected);
    }

    /** Every hit id of a search, following the cursor to the end. */
    public static List<String> allIds(int pageSize, Object... parameters) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            List<Object> all = new ArrayList<>(List.of(parameters));
            all.add("size");
            all.add(pageSize);
            if (cursor != null) {
                all.add("cursor");
                all.add(cursor);
            }
            JsonPath page = search(all.toArray());
            ids.addAll(ids(page));
            cursor = page.getString("nextCursor");
            if (++pages > 10_000) {
                throw new IllegalStateException("cursor never ends");
            }
        } while (cursor != null);
        return ids;
    }
}
