package org.bulletinsearch.catalog;

import org.bulletinsearch.catalog.article.ArticleResource;
import org.bulletinsearch.servicetesting.OpenApiContractTests;

/** META-INF/openapi.yaml is written by hand: it must still describe the code's endpoints and records. */
class OpenApiContractTest extends OpenApiContractTests {

    OpenApiContractTest() {
        super(ArticleResource.class, "org.bulletinsearch.catalog");
    }
}
