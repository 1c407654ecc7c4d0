package org.bulletinsearch.search.query;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.bulletinsearch.events.TextForms;
import org.bulletinsearch.vocabulary.ArticleEntities;
import org.bulletinsearch.vocabulary.EntityExtractor;

/**
 * The values the entity facets can take, from the same gazetteer ingest extracts them with
 * ({@link EntityExtractor#knownValues}): filter values typed loosely become canonical ones ("kenya", "PCA" →
 * "Kenya", "Post-Clearance Audit (PCA)"), facet values are searched by prefix, and the entities a query names
 * are found for ranking. Immutable; built once.
 */
final class EntityValues {

    /** Years the extractor reports (see {@link EntityExtractor}). */
    static final int MIN_YEAR = 1900;
    static final int MAX_YEAR = 2099;
    private static final Pattern ACRONYM = Pattern.compile("\\(([^()]+)\\)$");

    private final EntityExtractor extractor;
    private final Map<EntityFacet, List<String>> known = new EnumMap<>(EntityFacet.class);
    /** Folded canonical names and folded acronyms, to the canonical name. */
    private final Map<EntityFacet, Map<String, String>> byFoldedName = new EnumMap<>(EntityFacet.class);

    private EntityValues(EntityExtractor extractor) {
        this.extractor = extractor;
        for (EntityFacet facet : EntityFacet.values()) {
            List<String> values = facet.gazetteer() == null
                    ? IntStream.rangeClosed(MIN_YEAR, MAX_YEAR).mapToObj(Integer::toString).toList()
                    : extractor.knownValues(facet.gazetteer());
            Map<String, String> names = new HashMap<>();
            for (String value : values) {
                Matcher acronym = ACRONYM.matcher(value);
                if (acronym.find()) {
                    names.putIfAbsent(TextForms.folded(acronym.group(1)), value);
                }
            }
            values.forEach(value -> names.put(TextForms.folded(value), value));
            known.put(facet, values);
            byFoldedName.put(facet, names);
        }
    }

    private static final class Holder {
        static final EntityValues SHARED = new EntityValues(EntityExtractor.shared());
    }

    /** @return the instance over the shared gazetteer */
    static EntityValues shared() {
        return Holder.SHARED;
    }

    /**
     * A filter value as the index holds it.
     *
     * @param facet the facet filtered
     * @param value as the client sent it (NFC, no control characters)
     * @return the canonical value whose name or acronym equals it ignoring case and accents, else the value as given
     */
    String canonical(EntityFacet facet, String value) {
        return byFoldedName.get(facet).getOrDefault(TextForms.folded(value), value);
    }

    /**
     * Values one of whose words starts with the prefix, ignoring case and accents: "ivo" finds "Côte d'Ivoire",
     * "wco" finds "World Customs Organization (WCO)".
     *
     * @param facet  the facet
     * @param prefix what the user typed; blank matches nothing here (the caller then lists the top values)
     * @return matching canonical values, in the gazetteer's order
     */
    List<String> withPrefix(EntityFacet facet, String prefix) {
        String folded = TextForms.folded(prefix).strip();
        List<String> matching = new ArrayList<>();
        for (String value : known.get(facet)) {
            String name = TextForms.folded(value);
            int at = name.indexOf(folded);
            while (at > 0 && Character.isLetterOrDigit(name.charAt(at - 1))) {
                at = name.indexOf(folded, at + 1);
            }
            if (at >= 0) {
                matching.add(value);
            }
        }
        return matching;
    }

    /**
     * The entities one part of a query names, for ranking: what the gazetteer finds in the text or in its
     * vocabulary alternatives ("Japanese" → Japan, "AEO" → "Authorized Economic Operator (AEO)"). The most
     * specific kind wins: organizations and programmes, else countries, else regions (a country's regions are
     * left out: "Kenya" is not a query for all of Africa); years always.
     *
     * @param text         the query words, as typed
     * @param alternatives their vocabulary alternatives
     * @return values per facet, only facets with values
     */
    Map<EntityFacet, List<String>> named(String text, List<String> alternatives) {
        Map<EntityFacet, Set<String>> found = new EnumMap<>(EntityFacet.class);
        for (EntityFacet facet : EntityFacet.values()) {
            found.put(facet, new LinkedHashSet<>());
        }
        List<String> texts = new ArrayList<>(alternatives);
        texts.add(0, text);
        for (String phrase : texts) {
            ArticleEntities entities = extractor.extract(null, phrase);
            found.get(EntityFacet.COUNTRY).addAll(entities.countries());
            found.get(EntityFacet.REGION).addAll(entities.regions());
            found.get(EntityFacet.ORGANIZATION).addAll(entities.organizations());
            found.get(EntityFacet.PROGRAMME).addAll(entities.programmes());
            entities.years().forEach(year -> found.get(EntityFacet.YEAR).add(year.toString()));
        }
        if (!found.get(EntityFacet.ORGANIZATION).isEmpty() || !found.get(EntityFacet.PROGRAMME).isEmpty()) {
            found.get(EntityFacet.COUNTRY).clear();
        }
        if (!found.get(EntityFacet.COUNTRY).isEmpty() || !found.get(EntityFacet.ORGANIZATION).isEmpty()
                || !found.get(EntityFacet.PROGRAMME).isEmpty()) {
            found.get(EntityFacet.REGION).clear();
        }
        Map<EntityFacet, List<String>> named = new EnumMap<>(EntityFacet.class);
        found.forEach((facet, values) -> {
            if (!values.isEmpty()) {
                named.put(facet, List.copyOf(values));
            }
        });
        return named;
    }
}
