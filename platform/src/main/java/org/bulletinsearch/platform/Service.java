package org.bulletinsearch.platform;

/** The platform's deployables, their default ports and the variable that overrides each port. */
public enum Service {
    INGEST("ingest-service", 8081, "INGEST_PORT"),
    CATALOG("catalog-service", 8082, "CATALOG_PORT"),
    SEARCH("search-service", 8083, "SEARCH_PORT");

    private final String module;
    private final int defaultPort;
    private final String portVariable;

    Service(String module, int defaultPort, String portVariable) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.portVariable = portVariable;
    }

    /** Maven module (and folder) of the service; also its name in logs. */
    public String module() {
        return module;
    }

    /** The port {@code ./bulletin-search} gives it unless its variable says otherwise. */
    public int defaultPort() {
        return defaultPort;
    }

    /** Environment variable the service reads its HTTP port from. */
    public String portVariable() {
        return portVariable;
    }
}
