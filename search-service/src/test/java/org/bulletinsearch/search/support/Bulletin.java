package org.bulletinsearch.search.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bulletinsearch.events.ArticleEvent;

/**
 * A bulletin in the platform's text format (title line, the title again, one body paragraph, blocks
 * separated by blank lines), read the simple way tests need: no validation beyond the shape.
 */
public record Bulletin(String sourceName, List<Article> articles) {

    public record Article(String title, String body) {
    }

    public static Bulletin fromResource(String resource) {
        try (InputStream in = Bulletin.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Bulletin fromFile(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Bulletin parse(String sourceName, String text) {
        List<String> blocks = Arrays.stream(text.replace("\uFEFF", "").replace("\r\n", "\n").split("\n\\s*\n"))
                .map(String::strip).filter(block -> !block.isEmpty()).toList();
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i + 2 < blocks.size(); i += 3) {
            if (!blocks.get(i).equals(blocks.get(i + 1))) {
                throw new IllegalArgumentException(sourceName + ": title not repeated at block " + i + ": " + blocks.get(i));
            }
            articles.add(new Article(blocks.get(i), blocks.get(i + 2)));
        }
        return new Bulletin(sourceName, articles);
    }

    /** The events an upload of this bulletin produces. */
    public List<ArticleEvent> events(String sourceName, String uploadId, Instant ingestedAt) {
        List<ArticleEvent> events = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            Article article = articles.get(i);
            events.add(ArticleEvent.of(article.title(), article.body(), sourceName, uploadId, i + 1, ingestedAt));
        }
        return events;
    }
}
