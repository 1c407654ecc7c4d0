package org.bulletinsearch.servicetesting;

import org.junit.jupiter.api.Test;

/**
 * The OpenAPI contract checks ({@link OpenApiContract}) as a test class: a service's {@code OpenApiContractTest}
 * extends it, naming one of its classes and its base package. Pure unit tests: no server, no infrastructure.
 */
public abstract class OpenApiContractTests {

    private final OpenApiContract contract;

    protected OpenApiContractTests(Class<?> serviceClass, String basePackage) {
        this.contract = OpenApiContract.of(serviceClass, basePackage);
    }

    @Test
    void theDocumentListsExactlyTheEndpointsOfTheCode() {
        contract.assertSameEndpoints();
    }

    @Test
    void everyDocumentedRecordHasTheRecordsProperties() {
        contract.assertRecordsMatchSchemas();
    }
}
