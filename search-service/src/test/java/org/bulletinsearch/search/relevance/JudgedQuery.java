package org.bulletinsearch.search.relevance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One judged query of the relevance suite: what a user types, the facet filters sent with it, and how relevant
 * each article is (grade 0 to 3, by exact title; unlisted articles are 0). Read from
 * {@code relevance/judgments.txt}, whose header documents the format.
 *
 * @param q       the query
 * @param filters facet filters as {@code name=value}, in file order (names may repeat)
 * @param grades  grade per article title, 1 to 3
 */
public record JudgedQuery(String q, List<String> filters, Map<String, Integer> grades) {

    /** Highest grade a judgment may give. */
    public static final int MAX_GRADE = 3;

    /** How the query is shown in reports: the query and its filters. */
    public String label() {
        return filters.isEmpty() ? q : q + " [" + String.join(" ", filters) + "]";
    }

    /** The judged queries of a resource in the judgments format. */
    public static List<JudgedQuery> read(String resource) {
        try (InputStream in = JudgedQuery.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JudgedQuery> parse(String text) {
        List<JudgedQuery> queries = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            String q = null;
            List<String> filters = new ArrayList<>();
            Map<String, Integer> grades = new LinkedHashMap<>();
            for (String raw : block.split("\n")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("note:")) {
                    continue;
                }
                if (line.startsWith("q:")) {
                    q = line.substring(2).strip();
                } else if (line.startsWith("filter:")) {
                    filters.add(line.substring(7).strip());
                } else {
                    int grade = Character.digit(line.charAt(0), 10);
                    if (grade < 1 || grade > MAX_GRADE || line.length() < 3 || line.charAt(1) != ' ') {
                        throw new IllegalArgumentException("not a judgment line: " + line);
                    }
                    grades.put(line.substring(2).strip(), grade);
                }
            }
            if (q != null) {
                queries.add(new JudgedQuery(q, List.copyOf(filters), Map.copyOf(grades)));
            } else if (!grades.isEmpty()) {
                throw new IllegalArgumentException("judgments without a query: " + block);
            }
        }
        return queries;
    }
}
