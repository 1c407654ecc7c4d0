package org.bulletinsearch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fabric8's model classes are generated from the Kubernetes OpenAPI schema; a field they do not know
 * (a typo, a field at the wrong level, a value of the wrong type) ends up in an object's
 * {@code additionalProperties}. This walks a parsed object and reports every such field by its path.
 */
final class StrictModel {

    private StrictModel() {
    }

    /** Parses a JSON tree as the given fabric8 type and reports what the type does not know. */
    static <T> List<String> unknownFields(JsonNode tree, Class<T> type, String path) {
        T parsed;
        try {
            parsed = RenderedOverlay.SERIALIZATION.convertValue(tree, type);
        } catch (IllegalArgumentException e) {
            return List.of(path + ": not a " + type.getSimpleName() + ": " + e.getMessage());
        }
        return unknownFields(parsed, path);
    }

    static List<String> unknownFields(Object model, String path) {
        List<String> problems = new ArrayList<>();
        walk(model, path, problems);
        return problems;
    }

    private static void walk(Object value, String path, List<String> problems) {
        if (value == null || value instanceof GenericKubernetesResource) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", problems));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            String name = getter.getName();
            if (!(name.startsWith("get") && name.length() > 3)) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            walk(child, path + "." + property, problems);
        }
    }
}
