import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a large synthetic bulletin in the seed layout (title, blank, title again, blank, body, blank) for
 * throughput and memory measurements. Titles are unique (they carry a serial number), bodies are 400 to
 * 800 characters of made-up sentences, like real bulletins.
 *
 * <pre>
 *   java ingest-service/scripts/GenerateBulletin.java 50 /tmp/bulletin-50mb.txt   # size in MB
 * </pre>
 */
public class GenerateBulletin {

    private static final String[] SUBJECTS = {"The harbour authority", "A regional cooperative", "The town council",
            "Volunteers from the valley", "The customs office", "A group of growers", "The ferry operator",
            "The municipal library", "Local fishermen", "The weather service", "Two neighbouring schools",
            "The railway company", "An agricultural college", "The island clinic", "A family bakery"};
    private static final String[] VERBS = {"announced", "completed", "postponed", "extended", "reviewed",
            "started", "funded", "welcomed", "measured", "reorganised", "opened", "tested"};
    private static final String[] OBJECTS = {"a new timetable", "the repairs on the old quay", "a study of the tides",
            "a training programme for apprentices", "the second phase of the project", "longer opening hours",
            "a survey among residents", "the planting of two hundred trees", "a shared storage hall",
            "the reconstruction of the bridge", "a festival on the square", "cheaper tickets for students"};
    private static final String[] CLOSINGS = {"after months of preparation", "despite the cold spring",
            "with support from the region", "ahead of the summer season", "in cooperation with three villages",
            "as residents had asked", "to everyone's surprise", "within the agreed budget"};
    private static final String[] TOPICS = {"Harbour", "Valley", "Library", "Ferry", "Market", "Bridge", "Orchard",
            "School", "Clinic", "Railway", "Festival", "Customs", "Weather", "Bakery", "Island"};
    private static final String[] HEADLINE_VERBS = {"Opens", "Extends", "Reviews", "Welcomes", "Plans", "Tests",
            "Funds", "Completes", "Postpones", "Measures"};

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java GenerateBulletin.java <megabytes> <output file>");
            System.exit(2);
        }
        long target = (long) (Double.parseDouble(args[0]) * 1024 * 1024);
        Path out = Path.of(args[1]);
        Random random = new Random(20251125L);
        long written = 0;
        int articles = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            while (written < target) {
                articles++;
                String title = pick(random, TOPICS) + " " + pick(random, HEADLINE_VERBS) + " "
                        + pick(random, OBJECTS).replaceFirst("^(a|an|the) ", "") + " (No. " + articles + ")";
                StringBuilder body = new StringBuilder();
                int length = 400 + random.nextInt(400);
                while (body.length() < length) {
                    if (body.length() > 0) {
                        body.append(' ');
                    }
                    body.append(pick(random, SUBJECTS)).append(' ').append(pick(random, VERBS)).append(' ')
                            .append(pick(random, OBJECTS)).append(' ').append(pick(random, CLOSINGS)).append('.');
                }
                String article = title + "\n\n" + title + "\n\n" + body + "\n\n";
                writer.write(article);
                written += article.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        System.out.printf("%s: %d articles, %d bytes%n", out, articles, written);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
