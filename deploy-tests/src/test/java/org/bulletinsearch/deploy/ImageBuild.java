package org.bulletinsearch.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The image build as the parent pom's "images" profile configures jib-maven-plugin. */
final class ImageBuild {

    final Map<String, String> properties;
    final Element jib;

    private ImageBuild(Map<String, String> properties, Element jib) {
        this.properties = properties;
        this.jib = jib;
    }

    static ImageBuild fromParentPom() {
        Document pom = ServiceConfiguration.parse(Repository.root().resolve("pom.xml"));
        Element profile = profile(pom.getDocumentElement(), "images");
        if (profile == null) {
            throw new AssertionError("the parent pom has no \"images\" profile");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Element props = child(profile, "properties");
        if (props != null) {
            for (Element p : children(props)) {
                properties.put(p.getTagName(), p.getTextContent().trim());
            }
        }
        Element jib = null;
        Element plugins = path(profile, "build", "pluginManagement", "plugins");
        if (plugins != null) {
            for (Element plugin : children(plugins)) {
                if ("jib-maven-plugin".equals(text(plugin, "artifactId"))) {
                    jib = plugin;
                }
            }
        }
        if (jib == null) {
            throw new AssertionError("the \"images\" profile configures no jib-maven-plugin");
        }
        return new ImageBuild(properties, jib);
    }

    /** A ${property} of the profile (or project.version), resolved. */
    String resolve(String value) {
        String resolved = value;
        for (int i = 0; i < 5 && resolved.contains("${"); i++) {
            for (Map.Entry<String, String> p : properties.entrySet()) {
                resolved = resolved.replace("${" + p.getKey() + "}", p.getValue());
            }
            resolved = resolved.replace("${project.version}", Repository.projectVersion());
        }
        return resolved;
    }

    /** The image name jib gives a service's image. */
    String imageOf(String service) {
        return resolve(config("to", "image").replace("${project.artifactId}", service));
    }

    String config(String... path) {
        Element e = path(child(jib, "configuration"), path);
        return e == null ? null : e.getTextContent().trim();
    }

    Element configElement(String... path) {
        return path(child(jib, "configuration"), path);
    }

    static Element profile(Element project, String id) {
        Element profiles = child(project, "profiles");
        if (profiles == null) {
            return null;
        }
        for (Element profile : children(profiles)) {
            if (id.equals(text(profile, "id"))) {
                return profile;
            }
        }
        return null;
    }

    static Element path(Element from, String... names) {
        Element current = from;
        for (String name : names) {
            if (current == null) {
                return null;
            }
            current = child(current, name);
        }
        return current;
    }

    static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element) {
                found.add(element);
            }
        }
        return found;
    }

    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
