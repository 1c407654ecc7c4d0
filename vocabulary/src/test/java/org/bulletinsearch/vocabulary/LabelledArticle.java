package org.bulletinsearch.vocabulary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One hand-labelled article of labelled-articles.tsv (format in the file's header).
 *
 * @param line     line number in the file, for messages
 * @param title    the title, escapes resolved
 * @param body     the body, escapes resolved
 * @param expected expected values per facet
 * @param years    expected years
 */
record LabelledArticle(int line, String title, String body, Map<Facet, Set<String>> expected, Set<Integer> years) {

    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-Fa-f]{4})");
    private static final Facet[] COLUMNS = {Facet.COUNTRY, Facet.REGION, Facet.ORGANIZATION, Facet.PROGRAMME};

    /** Reads the whole set from the test resources. */
    static List<LabelledArticle> load() throws IOException {
        List<LabelledArticle> out = new ArrayList<>();
        try (InputStream in = LabelledArticle.class.getResourceAsStream("labelled-articles.tsv")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String raw;
            int number = 0;
            while ((raw = reader.readLine()) != null) {
                number++;
                if (!raw.isBlank() && !raw.startsWith("#")) {
                    out.add(parse(number, raw));
                }
            }
        }
        return out;
    }

    private static LabelledArticle parse(int number, String raw) {
        String[] f = raw.split("\t", -1);
        if (f.length != 7) {
            throw new IllegalStateException("labelled-articles.tsv:" + number + ": expected 7 columns, got "
                    + f.length);
        }
        Map<Facet, Set<String>> expected = new EnumMap<>(Facet.class);
        for (int c = 0; c < COLUMNS.length; c++) {
            expected.put(COLUMNS[c], values(f[c + 2]));
        }
        Set<Integer> years = new TreeSet<>();
        values(f[6]).forEach(y -> years.add(Integer.parseInt(y)));
        return new LabelledArticle(number, unescape(f[0]), unescape(f[1]), expected, years);
    }

    private static Set<String> values(String column) {
        Set<String> out = new TreeSet<>();
        Arrays.stream(column.split(";")).map(String::strip).filter(v -> !v.isEmpty()).forEach(out::add);
        return out;
    }

    private static String unescape(String text) {
        Matcher m = ESCAPE.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(b).toString();
    }
}
