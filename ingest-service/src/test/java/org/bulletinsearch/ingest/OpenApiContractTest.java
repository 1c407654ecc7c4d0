package org.bulletinsearch.ingest;

import org.bulletinsearch.ingest.upload.BulletinResource;
import org.bulletinsearch.servicetesting.OpenApiContractTests;

/** META-INF/openapi.yaml is written by hand: it must still describe the code's endpoints and records. */
class OpenApiContractTest extends OpenApiContractTests {

    OpenApiContractTest() {
        super(BulletinResource.class, "org.bulletinsearch.ingest");
    }
}
