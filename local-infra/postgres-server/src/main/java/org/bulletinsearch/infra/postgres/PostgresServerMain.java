package org.bulletinsearch.infra.postgres;

import org.bulletinsearch.infra.support.ServerMain;

/**
 * Runs a PostgreSQL server under the local-infra launcher protocol; see {@link PostgresServer}.
 *
 * <p>Extra options: {@code --database=NAME} creates that database when missing and announces its URL;
 * {@code --durable=true|false} overrides the fsync/synchronous_commit/full_page_writes choice, which
 * by default is "durable" exactly when a {@code --data-dir} is given.
 * Ready line: {@code port=PORT jdbcUrl=jdbc:postgresql://127.0.0.1:PORT/DB user=postgres password=postgres ...}.
 */
public final class PostgresServerMain {

    private PostgresServerMain() {
    }

    /** Runs PostgreSQL until stdin closes or SIGTERM. */
    public static void main(String[] args) {
        ServerMain.run("postgres", args, options -> PostgresServer.start(options));
    }
}
