package org.bulletinsearch.vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The dictionaries behind {@link EntityExtractor}, built once from the JDK's country list and the tables
 * shipped in this package: countries.txt, regions.txt, organizations.txt, programmes.txt (each documents
 * its own format and sources). Immutable after {@link #load()}.
 */
final class EntityCatalog {

    /** Words after a language name that make it the language, not the country: "French-speaking". */
    private static final List<String> LANGUAGE_AFTER = List.of("speaking", "speakers", "language", "languages",
            "version", "versions", "translation", "translations", "edition", "text");
    /** Words before a language name that make it the language: "translated into French". */
    private static final List<String> LANGUAGE_BEFORE = List.of("translated into", "translation into");

    /** Phrase payloads; an empty list is a block (a phrase that means nothing and hides what is inside). */
    final TermTrie<List<Tag>> trie = new TermTrie<>(true);
    private final Map<String, String> countryByCode = new HashMap<>();
    private final Map<String, String> parentOf = new LinkedHashMap<>();
    private final Map<String, List<String>> regionsByCountry = new HashMap<>();
    private final Map<Facet, SortedSet<String>> known = new EnumMap<>(Facet.class);
    private final Map<Facet, List<String>> knownLists = new EnumMap<>(Facet.class);

    private EntityCatalog() {
        for (Facet f : Facet.values()) {
            known.put(f, new TreeSet<>());
        }
    }

    /**
     * Builds the catalog.
     *
     * @throws IllegalStateException naming file and line if a table breaks its format (a packaging bug)
     */
    static EntityCatalog load() {
        EntityCatalog c = new EntityCatalog();
        c.loadCountries(CatalogFile.read("countries.txt"));
        c.loadRegions(CatalogFile.read("regions.txt"));
        c.loadNamed(CatalogFile.read("organizations.txt"), Facet.ORGANIZATION);
        c.loadNamed(CatalogFile.read("programmes.txt"), Facet.PROGRAMME);
        c.known.forEach((facet, values) -> c.knownLists.put(facet, List.copyOf(values)));
        return c;
    }

    /** Canonical values of a facet, sorted. */
    List<String> known(Facet facet) {
        return knownLists.get(facet);
    }

    /** The regions of a canonical country name, sorted; empty for unknown names and Antarctica. */
    List<String> regionsOf(String country) {
        return regionsByCountry.getOrDefault(country, List.of());
    }

    /** The canonical name of an ISO 3166-1 alpha-2 code (upper case), or {@code null}. */
    String countryName(String code) {
        return countryByCode.get(code);
    }

    // ---- countries ----------------------------------------------------------------------------------------

    private void loadCountries(List<CatalogFile.Line> lines) {
        Map<String, String> overrides = new HashMap<>();
        for (CatalogFile.Line line : lines) {
            String[] f = fields(line);
            if (f[1].equals("canonical")) {
                overrides.put(f[0], f[2]);
            }
        }
        Map<String, Map<String, Integer>> phrases = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            String jdkName = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            String canonical = overrides.getOrDefault(code, derivedName(jdkName));
            countryByCode.put(code, canonical);
            addPhrase(phrases, code, jdkName, 0);
            addPhrase(phrases, code, canonical, 0);
        }
        overrides.forEach((code, name) -> {
            countryByCode.putIfAbsent(code, name);
            addPhrase(phrases, code, name, 0);
        });
        for (CatalogFile.Line line : lines) {
            countryLine(line, fields(line), phrases);
        }
        phrases.forEach((code, byPhrase) -> byPhrase.forEach((phrase, flags) ->
                trie.add(Term.of(phrase, true, List.of(new Tag(Facet.COUNTRY, countryByCode.get(code))), flags))));
        known.get(Facet.COUNTRY).addAll(countryByCode.values());
    }

    private void countryLine(CatalogFile.Line line, String[] f, Map<String, Map<String, Integer>> phrases) {
        String code = f[0];
        if (!f[1].equals("block") && !countryByCode.containsKey(code)) {
            throw line.error("unknown country code " + code + " (add a canonical line)");
        }
        switch (f[1]) {
            case "canonical", "name", "demonym" -> addPhrase(phrases, code, f[2], 0);
            case "guarded" -> addPhrase(phrases, code, f[2], Term.GUARDED);
            case "common" -> addPhrase(phrases, code, f[2], Term.COMMON_WORD);
            case "language" -> {
                addPhrase(phrases, code, f[2], Term.LANGUAGE);
                LANGUAGE_AFTER.forEach(w -> addBlock(f[2] + " " + w));
                LANGUAGE_BEFORE.forEach(w -> addBlock(w + " " + f[2]));
            }
            case "block" -> addBlock(f[2]);
            default -> throw line.error("unknown kind " + f[1]);
        }
    }

    private static String[] fields(CatalogFile.Line line) {
        String[] f = line.text().split("\\s+", 3);
        if (f.length < 3) {
            throw line.error("expected CODE KIND TEXT");
        }
        return f;
    }

    /** The JDK name as a reader expects it: "and" for "&amp;", "Saint" for "St.", a straight apostrophe. */
    private static String derivedName(String jdkName) {
        String name = jdkName.replace('\u2019', '\'').replace(" & ", " and ");
        return name.startsWith("St. ") ? "Saint " + name.substring(4) : name;
    }

    private static void addPhrase(Map<String, Map<String, Integer>> phrases, String code, String phrase, int flags) {
        phrases.computeIfAbsent(code, c -> new LinkedHashMap<>()).merge(phrase, flags, (a, b) -> a | b);
    }

    private void addBlock(String phrase) {
        trie.add(Term.of(phrase, true, List.of(), 0));
    }

    // ---- regions ------------------------------------------------------------------------------------------

    private void loadRegions(List<CatalogFile.Line> lines) {
        Map<String, CatalogFile.Line> declared = new LinkedHashMap<>();
        for (CatalogFile.Line line : lines) {
            if (line.text().startsWith("region ")) {
                String[] f = line.text().substring(7).split("<");
                parentOf.put(f[0].strip(), f.length > 1 ? f[1].strip() : "");
                declared.put(f[0].strip(), line);
            }
        }
        declared.forEach((region, line) -> {
            if (!parentOf.get(region).isEmpty()) {
                requireRegion(line, parentOf.get(region));
            }
        });
        parentOf.keySet().forEach(r -> trie.add(Term.of(r, true, regionTags(List.of(r)), 0)));
        lines.stream().filter(l -> !l.text().startsWith("region ")).forEach(this::regionLine);
        known.get(Facet.REGION).addAll(parentOf.keySet());
    }

    private void regionLine(CatalogFile.Line line) {
        String text = line.text();
        if (text.startsWith("members ") && text.contains(":")) {
            String region = text.substring(8, text.indexOf(':')).strip();
            requireRegion(line, region);
            List<String> regions = tagValues(regionTags(List.of(region)));
            for (String code : text.substring(text.indexOf(':') + 1).strip().split("\\s+")) {
                String country = countryByCode.get(code);
                if (country == null) {
                    throw line.error("unknown country code " + code);
                }
                regionsByCountry.put(country, regions);
            }
        } else if (text.startsWith("alias ") && text.contains(" = ")) {
            int eq = text.indexOf(" = ");
            List<String> regions = List.of(text.substring(eq + 3).split("\\s*;\\s*"));
            regions.forEach(r -> requireRegion(line, r));
            trie.add(Term.of(text.substring(6, eq).strip(), true, regionTags(regions), 0));
        } else if (text.startsWith("block ")) {
            addBlock(text.substring(6).strip());
        } else {
            throw line.error("expected region, members, alias or block");
        }
    }

    private void requireRegion(CatalogFile.Line line, String region) {
        if (!parentOf.containsKey(region)) {
            throw line.error("unknown region " + region);
        }
    }

    /** Tags for the given regions and every region above them, sorted by name. */
    private List<Tag> regionTags(List<String> regions) {
        SortedSet<String> all = new TreeSet<>();
        for (String r : regions) {
            for (String at = r; !at.isEmpty(); at = parentOf.get(at)) {
                all.add(at);
            }
        }
        List<Tag> tags = new ArrayList<>(all.size());
        all.forEach(r -> tags.add(new Tag(Facet.REGION, r)));
        return Collections.unmodifiableList(tags);
    }

    private static List<String> tagValues(List<Tag> tags) {
        return tags.stream().map(Tag::value).toList();
    }

    // ---- organizations and programmes ---------------------------------------------------------------------

    private void loadNamed(List<CatalogFile.Line> lines, Facet facet) {
        for (CatalogFile.Line line : lines) {
            int eq = line.text().indexOf(" = ");
            if (eq <= 0) {
                throw line.error("expected CANONICAL = ALIAS | ALIAS");
            }
            String canonical = line.text().substring(0, eq).strip();
            if (!known.get(facet).add(canonical)) {
                throw line.error("duplicate " + canonical);
            }
            List<Tag> tags = List.of(new Tag(facet, canonical));
            for (String alias : line.text().substring(eq + 3).split("\\|")) {
                trie.add(namedTerm(line, alias.strip(), tags));
            }
        }
    }

    private static Term<List<Tag>> namedTerm(CatalogFile.Line line, String alias, List<Tag> tags) {
        boolean capitalized = false;
        int flags = 0;
        while (alias.startsWith("^") || alias.startsWith("!")) {
            capitalized |= alias.charAt(0) == '^';
            flags |= alias.charAt(0) == '!' ? Term.COMMON_WORD : 0;
            alias = alias.substring(1);
        }
        if (alias.isEmpty()) {
            throw line.error("empty alias");
        }
        return Term.of(alias, capitalized, tags, flags);
    }
}
