package org.bulletinsearch.search.compat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.bulletinsearch.infra.LocalInfraTestResource;

/**
 * The engine scenarios against the OpenSearch 2.x the foundation launches. A Quarkus test only so
 * that it shares that engine with the other test classes (same class loader, same servers).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class OpenSearchCompatibilityIT extends EngineScenarios {

    @Override
    protected String engineUrl() {
        return LocalInfraTestResource.infrastructure().searchEngineUrl();
    }
}
