package org.bulletinsearch.search.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bulletinsearch.search.support.SearchApi.search;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.bulletinsearch.infra.LocalInfraTestResource;
import org.bulletinsearch.search.support.JudgedCorpus;
import org.bulletinsearch.search.support.SearchApi;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Measured relevance: the team's own judged corpus ({@code src/test/resources/relevance}: about 80 articles in the
 * bulletin format and the judged queries of {@code judgments.txt}) is published through Kafka as ingest publishes
 * it (entities extracted by the same gazetteer) and indexed by the service; every judged query is sent to
 * {@code GET /search} as a user would, restricted to the corpus' uploads, and the first ten hits are scored.
 *
 * <p>Prints precision@5, recall@10 and nDCG@10 per query and their means, for the judged queries and the
 * paraphrases ({@code paraphrases.txt}: queries that share almost no word with their answers), each in keyword
 * and in hybrid mode, and fails when a mean is below the committed baseline ({@value #BASELINE}), when hybrid
 * ranks the judged queries worse than keyword, or when it does not find the paraphrases better. After an intended improvement, rewrite the baseline with
 * {@code -Drelevance.update-baseline=true}.
 */
@QuarkusTest
// First of all test classes: the engine's term statistics (IDF) then come from this corpus alone, so that the
// figures do not depend on which other test classes ran before.
@Order(1)
@QuarkusTestResource(value = LocalInfraTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,search-engine"))
class RelevanceIT {

    static final String BASELINE = "src/test/resources/relevance/baseline.properties";
    /**
     * How far a mean may fall below the baseline before the run fails. Two runs of the same code differ by up to
     * about 0.0005: near-equal scores of two articles can swap between runs (the documents reach the engine in
     * other batches), moving one query's nDCG by about 0.01. A real regression moves a mean by far more.
     */
    static final double TOLERANCE = 0.002;
    static final String[] MEASURES = {"precision@5", "recall@10", "ndcg@10"};

    @Test
    void judgedQueriesDoNotRankWorseThanTheBaseline() throws IOException {
        JudgedCorpus corpus = JudgedCorpus.published();
        System.out.printf("[relevance] %d judged articles indexed%n", corpus.size());
        SearchApi.awaitVectors();
        Map<String, Double> means = new LinkedHashMap<>();
        for (String set : List.of("judgments", "paraphrases")) {
            List<JudgedQuery> queries = JudgedQuery.read("/relevance/" + set + ".txt");
            for (String mode : List.of("keyword", "hybrid")) {
                // keys: "ndcg@10" (judged queries, keyword), "hybrid.ndcg@10", "paraphrases.ndcg@10", ...
                String prefix = (set.equals("judgments") ? "" : set + ".") + (mode.equals("keyword") ? "" : mode + ".");
                means.putAll(measure(corpus, queries, mode, prefix));
            }
        }
        compareWithBaseline(means);
        assertThat(means.get("hybrid.ndcg@10")).as("hybrid must not lose on the keyword queries")
                .isGreaterThanOrEqualTo(means.get("ndcg@10") - TOLERANCE);
        assertThat(means.get("paraphrases.hybrid.ndcg@10")).as("hybrid finds paraphrases better than keywords")
                .isGreaterThan(means.get("paraphrases.ndcg@10"));
    }

    /** Scores the queries in one mode; the means by measure, each key prefixed. */
    private static Map<String, Double> measure(JudgedCorpus corpus, List<JudgedQuery> queries, String mode,
            String prefix) {
        Map<String, String> idsByTitle = corpus.idsByTitle();
        double[] sums = new double[MEASURES.length];
        for (JudgedQuery query : queries) {
            Map<String, Integer> grades = new HashMap<>();
            query.grades().forEach((title, grade) -> grades.put(idOf(idsByTitle, title), grade));
            List<Object> parameters = parameters(query, corpus.uploads());
            parameters.addAll(List.of("mode", mode));
            JsonPath page = search(parameters.toArray());
            List<String> ranked = SearchApi.ids(page);
            double[] scores = {RankingMetrics.precisionAt(5, ranked, grades), RankingMetrics.recallAt(10, ranked, grades),
                    RankingMetrics.ndcgAt(10, ranked, grades)};
            for (int i = 0; i < scores.length; i++) {
                sums[i] += scores[i];
            }
            System.out.printf(Locale.ROOT, "[relevance] %-7s %-58s P@5 %.2f  R@10 %.2f  nDCG@10 %.3f  total %3d%s%n",
                    mode, query.label(), scores[0], scores[1], scores[2], page.getLong("total"),
                    misses(query, idsByTitle, ranked));
        }
        Map<String, Double> means = new LinkedHashMap<>();
        for (int i = 0; i < MEASURES.length; i++) {
            means.put(prefix + MEASURES[i], sums[i] / queries.size());
        }
        return means;
    }

    private static List<Object> parameters(JudgedQuery query, List<String> uploads) {
        List<Object> parameters = new ArrayList<>(List.of("q", query.q(), "uploadId", uploads, "size", 10));
        for (String filter : query.filters()) {
            int equals = filter.indexOf('=');
            parameters.add(filter.substring(0, equals));
            parameters.add(filter.substring(equals + 1));
        }
        return parameters;
    }

    private static String idOf(Map<String, String> idsByTitle, String title) {
        String id = idsByTitle.get(title);
        assertThat(id).as("judged title is in the corpus: %s", title).isNotNull();
        return id;
    }

    /** The judged articles missing from the first ten results, with their grades: what to look at when tuning. */
    private static String misses(JudgedQuery query, Map<String, String> idsByTitle, List<String> ranked) {
        List<String> missing = new ArrayList<>();
        query.grades().forEach((title, grade) -> {
            if (!ranked.contains(idsByTitle.get(title))) {
                missing.add(grade + " " + title);
            }
        });
        return missing.isEmpty() ? "" : "  missed: " + String.join("; ", missing);
    }

    private static void compareWithBaseline(Map<String, Double> means) throws IOException {
        Path file = Path.of(BASELINE);
        Properties baseline = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                baseline.load(in);
            }
        }
        means.forEach((measure, mean) -> System.out.printf(Locale.ROOT, "[relevance] mean %-11s %.4f (baseline %s)%n",
                measure, mean, baseline.getProperty(measure, "none")));
        if (Boolean.getBoolean("relevance.update-baseline")) {
            writeBaseline(file, means);
            System.out.println("[relevance] baseline rewritten: " + file.toAbsolutePath());
            return;
        }
        assertThat(baseline).as("no baseline at %s: run once with -Drelevance.update-baseline=true", file).isNotEmpty();
        means.forEach((measure, mean) -> assertThat(mean).as("mean %s against the baseline", measure)
                .isGreaterThanOrEqualTo(Double.parseDouble(baseline.getProperty(measure, "0")) - TOLERANCE));
    }

    private static void writeBaseline(Path file, Map<String, Double> means) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# Means of RelevanceIT: judgments.txt, then paraphrases.txt; keyword mode, then hybrid (prefix).\n");
            out.write("# A run whose mean is lower fails;\n");
            out.write("# rewrite after an intended improvement: -Drelevance.update-baseline=true\n");
            for (Map.Entry<String, Double> mean : means.entrySet()) {
                out.write(String.format(Locale.ROOT, "%s=%.4f%n", mean.getKey(), mean.getValue()));
            }
        }
    }
}
