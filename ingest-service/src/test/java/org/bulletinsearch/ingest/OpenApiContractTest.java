package org.bulletinsearch.ingest;

import org.bulletinsearch.ingest.upload.BulletinResource;
import org.bulletinsearch.servicetesting.OpenApiContract;
import org.junit.jupiter.api.Test;

/** META-INF/openapi.yaml is written by hand: it must still describe the code's endpoints and records. */
class OpenApiContractTest {

    private final OpenApiContract contract = OpenApiContract.of(BulletinResource.class, "org.bulletinsearch.ingest");

    @Test
    void theDocumentListsExactlyTheEndpointsOfTheCode() {
        contract.assertSameEndpoints();
    }

    @Test
    void everyDocumentedRecordHasTheRecordsProperties() {
        contract.assertRecordsMatchSchemas();
    }
}
