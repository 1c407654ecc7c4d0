package org.bulletinsearch.search.compat;

import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The engine scenarios against a real Elasticsearch in Docker (8.17.4 by default, the version deploy/
 * runs; {@code -Delasticsearch.image=docker.elastic.co/elasticsearch/elasticsearch:9.0.0} for 9).
 * Runs only where Docker can pull images; elsewhere {@link DockerWithRegistryCondition} skips it and
 * says why.
 */
@ExtendWith(DockerWithRegistryCondition.class)
class ElasticsearchCompatibilityIT extends EngineScenarios {

    static final String IMAGE = System.getProperty("elasticsearch.image",
            "docker.elastic.co/elasticsearch/elasticsearch:8.17.4");

    private GenericContainer<?> elasticsearch;

    @Override
    protected String engineUrl() {
        elasticsearch = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withEnv("discovery.type", "single-node")
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                .withExposedPorts(9200)
                .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow").forPort(9200).forStatusCode(200));
        elasticsearch.start();
        return "http://" + elasticsearch.getHost() + ":" + elasticsearch.getMappedPort(9200);
    }

    @Override
    protected void stopEngine() {
        if (elasticsearch != null) {
            elasticsearch.stop();
        }
    }
}
