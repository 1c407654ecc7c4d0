package org.bulletinsearch.infra.kafka;

import org.bulletinsearch.infra.support.ServerMain;

/**
 * Runs a single-node Apache Kafka (KRaft, broker and controller in one JVM) under the local-infra
 * launcher protocol; see {@link KafkaServer} for its configuration.
 *
 * <p>Ready line: {@code bootstrap=127.0.0.1:PORT port=PORT controllerPort=... clusterId=...}.
 */
public final class KafkaServerMain {

    private KafkaServerMain() {
    }

    /** Runs Kafka until stdin closes or SIGTERM. */
    public static void main(String[] args) {
        ServerMain.run("kafka", args, options -> KafkaServer.start(options));
    }
}
