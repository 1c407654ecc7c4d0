package org.bulletinsearch.vocabulary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared seed bulletins (outside the project, read only when present) cut into articles. Lenient on
 * purpose: some seed files glue an article's last sentence to the next title, which a report can live with.
 */
final class SeedBulletins {

    /** A title line is shorter than this; longer blocks are bodies. */
    private static final int MAX_TITLE_LENGTH = 160;

    /**
     * One article.
     *
     * @param file  the bulletin file name
     * @param title the title
     * @param body  the body
     */
    record Article(String file, String title, String body) {
    }

    private SeedBulletins() {
    }

    /** The folder: system property "bulletin.seeds", else /work/shared/seeds. */
    static Path folder() {
        return Path.of(System.getProperty("bulletin.seeds", "/work/shared/seeds"));
    }

    /** Every article of every *.txt file in the folder, in file name order. */
    static List<Article> read(Path folder) throws IOException {
        List<Article> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                split(p.getFileName().toString(), Files.readString(p), out);
            }
        }
        return out;
    }

    private static void split(String file, String text, List<Article> out) {
        String title = null;
        for (String block : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            String b = block.strip();
            if (b.isEmpty() || b.equals(title)) {
                continue;
            }
            if (b.length() < MAX_TITLE_LENGTH && !b.endsWith(".")) {
                title = b;
            } else {
                out.add(new Article(file, title == null ? "" : title, b));
            }
        }
    }
}
