package org.bulletinsearch.search;

import org.bulletinsearch.search.query.SearchResource;
import org.bulletinsearch.servicetesting.OpenApiContractTests;

/** META-INF/openapi.yaml is written by hand: it must still describe the code's endpoints and records. */
class OpenApiContractTest extends OpenApiContractTests {

    OpenApiContractTest() {
        super(SearchResource.class, "org.bulletinsearch.search");
    }
}
