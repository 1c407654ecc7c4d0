package org.bulletinsearch.search.page;

import io.quarkus.qute.TemplateGlobal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the pages' static files are. htmx comes from its WebJar (Maven Central), whose {@code META-INF/resources}
 * Quarkus serves as static files under {@code /webjars/htmx.org/<version>/}; the version is the WebJar's own, read
 * from its Maven metadata, so an upgrade of the dependency needs no template change.
 */
public final class Assets {

    /** The minified htmx script ({@code {htmxScript}} in templates). */
    @TemplateGlobal(name = "htmxScript")
    public static final String HTMX_SCRIPT = "/webjars/htmx.org/" + webJarVersion("org.webjars.npm", "htmx.org")
            + "/dist/htmx.min.js";

    /** The pages' style sheet, hand-written ({@code META-INF/resources/assets/page.css}; {@code {styleSheet}}). */
    @TemplateGlobal(name = "styleSheet")
    public static final String STYLE_SHEET = "/assets/page.css";

    /** The pages' only script of their own: keyboard for the suggestions ({@code assets/page.js}; {@code {pageScript}}). */
    @TemplateGlobal(name = "pageScript")
    public static final String PAGE_SCRIPT = "/assets/page.js";

    private Assets() {
    }

    static String webJarVersion(String groupId, String artifactId) {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("WebJar " + groupId + ":" + artifactId + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
