package org.bulletinsearch.infra.opensearch;

import java.util.Collection;

import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;

/**
 * A {@link Node} that loads its plugins from the classpath.
 *
 * <p>The public {@code Node(Environment)} constructor only finds plugins in {@code modules/} and
 * {@code plugins/} directories of an unpacked distribution; the protected constructor, which the
 * OpenSearch test framework's {@code MockNode} uses too, additionally takes plugin classes. It is
 * the only way to run HTTP, analysis-common and the other modules from Maven jars.
 *
 * <p>Bootstrap checks (heap size, file descriptors, mmap count, "don't run as root", ...) are not
 * run: {@code Node#validateNodeBeforeAcceptingRequests} does nothing by default, and only the
 * distribution's {@code Bootstrap} overrides it. That is what lets this node start as root and with
 * a small heap on a developer machine or CI box.
 */
final class EmbeddedNode extends Node {

    EmbeddedNode(Environment environment, Collection<Class<? extends Plugin>> classpathPlugins) {
        // true = forbid private index settings, as a production node does
        super(environment, classpathPlugins, true);
    }
}
