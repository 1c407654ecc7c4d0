package org.bulletinsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Secrets an operator creates by hand: documented in deploy/secrets/secrets.example.yaml (names,
 * types, keys, placeholder values) and as {@code kubectl create secret} commands in deploy/README.md.
 */
final class SecretReferences {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static Map<String, JsonNode> examples;

    private SecretReferences() {
    }

    /** Secret name -> the example Secret. */
    static synchronized Map<String, JsonNode> examples() {
        if (examples == null) {
            Map<String, JsonNode> found = new LinkedHashMap<>();
            String text = Repository.read(Repository.deploy().resolve("secrets/secrets.example.yaml"));
            try {
                for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll()) {
                    if (doc != null && "Secret".equals(doc.path("kind").asText())) {
                        found.put(doc.path("metadata").path("name").asText(), doc);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            examples = found;
        }
        return examples;
    }

    static Set<String> keysOf(String secret) {
        JsonNode example = examples().get(secret);
        Set<String> keys = new LinkedHashSet<>();
        if (example != null) {
            example.path("stringData").fieldNames().forEachRemaining(keys::add);
            example.path("data").fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    static String typeOf(String secret) {
        JsonNode example = examples().get(secret);
        return example == null ? null : example.path("type").asText("Opaque");
    }

    /** The `kubectl create secret ... NAME ... --from-literal=KEY=...` commands of deploy/README.md: name -> keys. */
    static Map<String, Set<String>> readmeCommands() {
        String readme = Repository.read(Repository.deploy().resolve("README.md"));
        // Join continued lines, then look at each command.
        String joined = readme.replaceAll("\\\\\\r?\\n\\s*", " ");
        Map<String, Set<String>> commands = new LinkedHashMap<>();
        Matcher command = Pattern.compile("kubectl(?: -n \\S+)? create secret (?:generic|tls) ([a-z0-9-]+)([^\\n]*)").matcher(joined);
        while (command.find()) {
            Set<String> keys = new LinkedHashSet<>();
            Matcher literal = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9._-]+)=").matcher(command.group(2));
            while (literal.find()) {
                keys.add(literal.group(1));
            }
            commands.computeIfAbsent(command.group(1), k -> new LinkedHashSet<>()).addAll(keys);
        }
        return commands;
    }

    static List<String> typeFlags(String secret) {
        String readme = Repository.read(Repository.deploy().resolve("README.md")).replaceAll("\\\\\\r?\\n\\s*", " ");
        Matcher command = Pattern.compile("create secret generic " + Pattern.quote(secret) + "([^\\n]*)").matcher(readme);
        java.util.ArrayList<String> types = new java.util.ArrayList<>();
        while (command.find()) {
            Matcher type = Pattern.compile("--type=(\\S+)").matcher(command.group(1));
            types.add(type.find() ? type.group(1) : "Opaque");
        }
        return types;
    }
}
