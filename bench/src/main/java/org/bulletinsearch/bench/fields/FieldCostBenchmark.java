package org.bulletinsearch.bench.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.bulletinsearch.bench.ingest.RawBulk;
import org.bulletinsearch.bench.results.Figure;
import org.bulletinsearch.bench.results.Measurement;
import org.bulletinsearch.bench.results.Results;
import org.bulletinsearch.events.ArticleEvent;
import org.bulletinsearch.platform.Console;

/**
 * What each part of the article mapping costs at indexing time: the same documents sent with raw
 * {@code _bulk} into the live mapping and into variants with one part taken away, each beside a plain
 * mapping (title and body as {@code text} with the standard analyzer, nothing else added) in the same run.
 * Rates are articles/s until searchable (refresh included); sizes are the primary store after a flush.
 *
 * <p>What each part buys is in {@link Variant#buys}; the figures say what it costs, so a change of mapping
 * can be weighed (issue 20).
 */
public final class FieldCostBenchmark {

    /** One definition of the article index, derived from the live one. */
    public record Variant(String id, String name, String buys, UnaryOperator<ObjectNode> derive) {
    }

    private static final List<String> TEXT_FIELDS = List.of("title", "body");

    private final RawBulk sender;
    private final List<ArticleEvent> events;
    private final int rounds;

    /** {@code events} into every variant, {@code rounds} times each, with {@code sender}'s batch size and concurrency. */
    public FieldCostBenchmark(RawBulk sender, List<ArticleEvent> events, int rounds) {
        this.sender = sender;
        this.events = events;
        this.rounds = rounds;
    }

    /** The variants, the plain anchor first. */
    static List<Variant> variants() {
        return List.of(
                new Variant("plain", "plain mapping (anchor)", "-", FieldCostBenchmark::plain),
                new Variant("live", "the live mapping", "everything below", d -> d),
                new Variant("no-suggest", "without suggest (search_as_you_type)",
                        "/search/suggest as you type (prefix and shingle sub-fields)",
                        d -> withoutProperty(d, "suggest")),
                new Variant("suggest-3", "suggest with shingles of 3 words, not 2 (mapping v4)",
                        "suggestions matching three typed words as one shingle (two-word shingles match them too)",
                        d -> withShingles(d, 3)),
                new Variant("whole-tokens", "title and body also keep each token whole as written (mapping v5)",
                        "nothing a query asks for: queries split words without keeping them whole",
                        FieldCostBenchmark::withWholeTokens),
                new Variant("no-exact", "without title.exact and body.exact",
                        "phrases matched without stemming or stop words (\"in Zürich\")",
                        d -> eachTextField(d, field -> field.remove("fields"))),
                new Variant("no-offsets", "without offsets in the postings",
                        "highlights read from the index instead of re-analysing each hit's text",
                        d -> eachTextField(d, FieldCostBenchmark::withoutOffsets)));
    }

    /** Indexes the events into every variant, reports a rate and a size figure per variant. */
    public void run(Results results) throws Exception {
        ObjectNode live = sender.liveDefinition();
        warmUp(live);
        Map<Variant, List<Double>> rates = new LinkedHashMap<>();
        Map<Variant, List<Double>> sizes = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Variant variant : variants()) {
                RawBulk into = sender.into("bench-fields-" + variant.id());
                into.create(variant.derive().apply(live.deepCopy()));
                try {
                    double seconds = into.index(events);
                    rates.computeIfAbsent(variant, v -> new ArrayList<>()).add(events.size() / seconds);
                    sizes.computeIfAbsent(variant, v -> new ArrayList<>()).add(into.storeBytes() / 1e6);
                    Console.say(String.format("field cost round %d: %s %.0f articles/s", round, variant.id(),
                            events.size() / seconds));
                } finally {
                    into.delete();
                }
            }
        }
        report(results, rates, sizes);
    }

    private void warmUp(ObjectNode live) throws Exception {
        RawBulk into = sender.into("bench-fields-warm-up");
        into.create(live.deepCopy());
        try {
            into.index(events.subList(0, Math.min(events.size(), 5_000)));
        } finally {
            into.delete();
        }
    }

    private void report(Results results, Map<Variant, List<Double>> rates, Map<Variant, List<Double>> sizes) {
        Variant plain = variants().get(0);
        for (Variant variant : variants().subList(1, variants().size())) {
            results.add(new Figure("6 Field cost", "fields." + variant.id() + ".rate",
                    String.format("Field cost: %s, raw _bulk of %,d articles", variant.name(), events.size()),
                    Measurement.of("raw _bulk", "articles/s", rates.get(variant)),
                    Measurement.of("plain mapping", "articles/s", rates.get(plain)), null,
                    "what it buys: " + variant.buys() + "; batches of " + sender.batchSize() + ", "
                            + sender.concurrency() + " in flight, until refreshed"));
            results.add(new Figure("6 Field cost", "fields." + variant.id() + ".size",
                    "Field cost: " + variant.name() + ", primary store",
                    Measurement.of("index", "MB", sizes.get(variant)),
                    Measurement.of("plain mapping", "MB", sizes.get(plain)), null,
                    "after a flush, segments as written (not force-merged)"));
        }
    }

    private static ObjectNode plain(ObjectNode definition) {
        ObjectNode properties = (ObjectNode) definition.path("mappings").path("properties");
        properties.remove("suggest");
        TEXT_FIELDS.forEach(name -> properties.putObject(name).put("type", "text"));
        return ignoreUnmapped(definition);
    }

    private static ObjectNode withoutProperty(ObjectNode definition, String name) {
        ((ObjectNode) definition.path("mappings").path("properties")).remove(name);
        return ignoreUnmapped(definition);
    }

    private static ObjectNode withShingles(ObjectNode definition, int words) {
        ((ObjectNode) definition.path("mappings").path("properties").path("suggest")).put("max_shingle_size", words);
        return definition;
    }

    /** Mapping v5's index analyzer: word parts with {@code preserve_original}, the search analyzer's without. */
    static ObjectNode withWholeTokens(ObjectNode definition) {
        JsonNode analysis = definition.path("settings").path("index").path("analysis");
        ObjectNode whole = ((ObjectNode) analysis.path("filter").path("article_word_parts")).deepCopy();
        ((ObjectNode) analysis.path("filter")).set("article_word_parts_whole", whole.put("preserve_original", true));
        ((ArrayNode) analysis.path("analyzer").path("article_index").path("filter")).set(0, TextNode.valueOf("article_word_parts_whole"));
        return definition;
    }

    /** The documents are the same for every variant: a field a variant does not map is kept in _source only. */
    private static ObjectNode ignoreUnmapped(ObjectNode definition) {
        ((ObjectNode) definition.path("mappings")).put("dynamic", false);
        return definition;
    }

    private static ObjectNode eachTextField(ObjectNode definition, java.util.function.Consumer<ObjectNode> change) {
        JsonNode properties = definition.path("mappings").path("properties");
        TEXT_FIELDS.forEach(name -> change.accept((ObjectNode) properties.path(name)));
        return definition;
    }

    private static void withoutOffsets(ObjectNode field) {
        field.remove("index_options");
        field.path("fields").forEach(sub -> ((ObjectNode) sub).remove("index_options"));
    }
}
