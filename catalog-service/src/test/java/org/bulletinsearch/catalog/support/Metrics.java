package org.bulletinsearch.catalog.support;

import static io.restassured.RestAssured.given;

/** Reads a value from the service's Prometheus endpoint, as a scraper would. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The sum of the samples of {@code name} whose labels contain {@code labelFilter} (e.g.
     * {@code kind="redelivered"}; empty for all); 0 when there is none.
     */
    public static double value(String name, String labelFilter) {
        String body = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            boolean named = line.startsWith(name + "{") || line.startsWith(name + " ");
            if (named && line.contains(labelFilter)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** Whether the endpoint exposes a metric of that name at all. */
    public static boolean exists(String name) {
        String body = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }
}
