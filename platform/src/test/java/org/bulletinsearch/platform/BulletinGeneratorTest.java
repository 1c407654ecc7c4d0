package org.bulletinsearch.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bulletinsearch.platform.BulletinGenerator.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's promises: the same seed gives the same bytes, every article is distinct, sizes as asked. */
class BulletinGeneratorTest {

    @TempDir
    Path tmp;

    @Test
    void theSameSeedWritesTheSameBytesAndTheFileHoldsWhatWasReturned() throws IOException {
        Path one = new BulletinGenerator(42).write(tmp.resolve("one.txt"), 20, 1);
        List<Article> articles = new BulletinGenerator(42).writeArticles(tmp.resolve("two.txt"), 20, 1);

        assertThat(Files.mismatch(one, tmp.resolve("two.txt"))).isEqualTo(-1);
        assertThat(Files.readString(one)).isEqualTo(BulletinGenerator.bulletin(articles));
        assertThat(new BulletinGenerator(43).write(tmp.resolve("three.txt"), 20, 1)).content()
                .isNotEqualTo(Files.readString(one));
    }

    @Test
    void everyArticleIsDistinctAndInTheBulletinFormat() {
        BulletinGenerator generator = new BulletinGenerator(7);
        List<Article> articles = List.of(generator.next(1), generator.next(2), generator.next(3));

        assertThat(articles).extracting(Article::title).doesNotHaveDuplicates()
                .allSatisfy(title -> assertThat(title.split(" ")).hasSizeBetween(6, 12));
        assertThat(articles.get(1).title()).endsWith(" no. 2");
        assertThat(articles).allSatisfy(a -> assertThat(a.body().split(" ")).hasSizeBetween(80, 150));
        assertThat(articles.get(0).text()).isEqualTo(articles.get(0).title() + "\n" + articles.get(0).title() + "\n"
                + articles.get(0).body() + "\n");
        assertThat(BulletinGenerator.bulletin(articles)).contains(articles.get(0).text() + "\n" + articles.get(1).text());
    }

    @Test
    void writeAtLeastStopsOnceTheFileReachesTheSize() throws IOException {
        List<Article> articles = new BulletinGenerator(1).writeAtLeast(tmp.resolve("big.txt"), 100_000, 1);

        long size = Files.size(tmp.resolve("big.txt"));
        assertThat(size).isGreaterThanOrEqualTo(100_000);
        assertThat(size - articles.get(articles.size() - 1).text().length() - 1).isLessThan(100_000);
    }
}
