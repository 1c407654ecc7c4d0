package org.bulletinsearch.platform;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Writes synthetic bulletins in the seed format, deterministically: the same seed and count give
 * the same bytes. Titles have 6 to 12 words and bodies 80 to 150, from the project's own
 * vocabulary; every article is distinct (its title carries a serial number), so {@code n} articles
 * mean {@code n} article ids.
 */
public final class BulletinGenerator {

    private static final String[] SUBJECTS = {
        "Customs authority", "Border agency", "Port administration", "Revenue service", "Trade ministry",
        "Inspection unit", "Clearance office", "Excise department", "Harbour master", "Tariff commission",
        "Risk management team", "Valuation office", "Laboratory service", "Transit directorate", "Audit division"};
    private static final String[] VERBS = {
        "introduces", "extends", "reviews", "publishes", "suspends", "modernises", "simplifies", "tightens",
        "announces", "pilots", "completes", "expands", "updates", "harmonises", "automates"};
    private static final String[] OBJECTS = {
        "electronic declarations", "transit guarantees", "tariff classification rules", "inspection schedules",
        "e-commerce parcel checks", "post-clearance audits", "origin certificates", "warehouse licences",
        "container scanning", "excise stamps", "risk profiles", "single window services", "trusted trader permits",
        "refrigerated cargo lanes", "valuation guidelines", "seizure statistics", "border crossing hours"};
    private static final String[] PLACES = {
        "Madagascar", "Botswana", "Namibia", "Kenya", "Ghana", "Senegal", "Zambia", "Mauritius", "Rwanda",
        "Uruguay", "Vietnam", "Estonia", "Portugal", "Morocco", "Chile", "Jordan", "Fiji", "Iceland"};
    private static final String[] FILLER = {
        "officials", "said", "the", "new", "procedure", "will", "reduce", "waiting", "times", "for", "importers",
        "and", "exporters", "while", "keeping", "controls", "on", "high", "risk", "consignments", "a", "study",
        "published", "last", "month", "found", "that", "studies", "of", "previous", "reforms", "showed", "clear",
        "gains", "in", "compliance", "traders", "welcomed", "change", "which", "follows", "consultation", "with",
        "industry", "associations", "regional", "partners", "agreed", "to", "share", "data", "under", "framework",
        "system", "goes", "live", "next", "quarter", "after", "pilot", "at", "two", "ports", "brokers", "must",
        "register", "before", "deadline", "penalties", "apply", "late", "filings", "statement", "added", "staff",
        "received", "training", "scanners", "were", "installed", "main", "terminal", "revenue", "rose", "by",
        "percent", "compared", "year", "earlier", "agency", "also", "plans", "open", "office", "near", "border"};

    private final SplittableRandom random;

    /** A generator whose output depends on nothing but {@code seed}. */
    public BulletinGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** One generated article: its serial number (the last word of its title), title and body. */
    public record Article(int serial, String title, String body) {

        /** The article in the bulletin format: the title, the title again, the body paragraph. */
        public String text() {
            return title + "\n" + title + "\n" + body + "\n";
        }
    }

    /** Articles in the bulletin format, a blank line between two: what {@link #write} puts into a file. */
    public static String bulletin(List<Article> articles) {
        return articles.stream().map(Article::text).collect(Collectors.joining("\n"));
    }

    /** The next article, numbered {@code serial}. */
    public Article next(int serial) {
        return new Article(serial, title(serial), body());
    }

    /** Writes {@code articles} articles, numbered from {@code firstSerial}, to one file; returns the file. */
    public Path write(Path file, int articles, int firstSerial) {
        writeArticles(file, articles, firstSerial);
        return file;
    }

    /** {@link #write}, returning the articles written, in file order. */
    public List<Article> writeArticles(Path file, int articles, int firstSerial) {
        return write(file, firstSerial, articles, Long.MAX_VALUE);
    }

    /** Writes articles numbered from {@code firstSerial} until the file holds at least {@code bytes}; returns them. */
    public List<Article> writeAtLeast(Path file, long bytes, int firstSerial) {
        return write(file, firstSerial, Integer.MAX_VALUE, bytes);
    }

    private List<Article> write(Path file, int firstSerial, int maxArticles, long minBytes) {
        List<Article> written = new ArrayList<>();
        long bytes = 0;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < maxArticles && bytes < minBytes; i++) {
                    Article article = next(firstSerial + i);
                    String text = (i > 0 ? "\n" : "") + article.text();
                    out.write(text);
                    bytes += text.getBytes(StandardCharsets.UTF_8).length;
                    written.add(article);
                }
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A title of 6 to 12 words ending in a serial number that makes it unique. */
    public String title(int serial) {
        StringBuilder title = new StringBuilder()
                .append(pick(SUBJECTS)).append(' ')
                .append(pick(VERBS)).append(' ')
                .append(pick(OBJECTS));
        int words = title.toString().split(" ").length + 1; // + serial
        int target = 6 + random.nextInt(7);
        if (words < target) {
            title.append(" in ").append(pick(PLACES));
            words += 2;
        }
        while (words < target) {
            title.append(' ').append(pick(FILLER));
            words++;
        }
        return title.append(" no. ").append(serial).toString();
    }

    /** A body paragraph of 80 to 150 words, one line. */
    public String body() {
        int words = 80 + random.nextInt(71);
        StringBuilder body = new StringBuilder();
        boolean sentenceStart = true;
        int sentenceLength = 0;
        for (int i = 0; i < words; i++) {
            String word = i % 23 == 5 ? pick(PLACES) : i % 17 == 3 ? pick(OBJECTS).split(" ")[0] : pick(FILLER);
            if (sentenceStart) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            body.append(word);
            sentenceLength++;
            boolean end = i == words - 1 || (sentenceLength >= 6 && random.nextInt(10) == 0);
            if (end) {
                sentenceLength = 0;
            }
            body.append(end ? (i == words - 1 ? "." : ". ") : " ");
            sentenceStart = end;
        }
        return body.toString();
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }
}
