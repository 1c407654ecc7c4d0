package org.bulletinsearch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bulletinsearch.infra.HeapSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** {@code ./bulletin-search}'s command line, without starting anything. */
class PlatformCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private CommandLine cli() {
        return PlatformCommand.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(out, true));
    }

    @Test
    void runIsTheDefaultAndTakesItsOptionsWithOrWithoutTheWordRun() {
        CommandLine bare = cli();
        bare.parseArgs("--fresh", "--no-samples", "--data-dir=" + tmp);
        PlatformCommand command = bare.getCommand();
        assertThat(command.run.fresh).isTrue();
        assertThat(command.run.noSamples).isTrue();
        assertThat(command.run.dataDir).isEqualTo(tmp);

        ParseResult withRun = cli().parseArgs("run", "--fresh");
        assertThat(withRun.subcommand().matchedOptionValue("--fresh", false)).isTrue();
        assertThat(withRun.subcommand().matchedOptionValue("--no-samples", false)).isFalse();
    }

    @Test
    void optionsBeforeTheWordRunCountAsMuchAsAfterIt() {
        ParseResult before = cli().parseArgs("--fresh", "--no-samples", "--data-dir=" + tmp, "run");
        PlatformCommand command = before.commandSpec().commandLine().getCommand();
        PlatformCommand.RunOptions afterRun = new PlatformCommand.RunOptions().orBefore(command.run);
        assertThat(afterRun.fresh).isTrue();
        assertThat(afterRun.noSamples).isTrue();
        assertThat(afterRun.dataFolder()).isEqualTo(tmp);

        ParseResult both = cli().parseArgs("--data-dir=" + tmp, "run", "--data-dir=elsewhere");
        PlatformCommand.RunOptions given = new PlatformCommand.RunOptions();
        given.dataDir = both.subcommand().matchedOption("--data-dir").getValue();
        assertThat(given.orBefore(both.commandSpec().commandLine().<PlatformCommand>getCommand().run).dataFolder())
                .as("the option after the word run wins").isEqualTo(Path.of("elsewhere"));
        assertThat(new PlatformCommand.RunOptions().dataFolder()).isIn(Path.of("data"),
                Path.of(String.valueOf(System.getenv("BULLETIN_DATA_DIR"))));
    }

    @Test
    void runOptionsBeforeAnotherCommandAreAUsageErrorNotIgnored() {
        assertThat(cli().execute("--fresh", "--data-dir=" + tmp, "generate", "--articles=5", tmp.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--fresh, --data-dir are options of run, not of generate");
        assertThat(tmp.resolve("generated-001.txt")).doesNotExist();

        assertThat(cli().execute("--no-samples", "load", tmp.resolve("missing.txt").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--no-samples is an option of run, not of load");
    }

    @Test
    void generateWritesTheArticlesSpreadOverTheFiles() throws Exception {
        assertThat(cli().execute("generate", "--articles=5", "--files=2", "--seed=7", tmp.toString())).isZero();

        assertThat(Files.readString(tmp.resolve("generated-001.txt"))).contains("no. 1\n", "no. 3\n").doesNotContain("no. 4\n");
        assertThat(Files.readString(tmp.resolve("generated-002.txt"))).contains("no. 4\n", "no. 5\n");
        assertThat(tmp.resolve("generated-003.txt")).doesNotExist();
    }

    @Test
    void loadingAFileThatIsNotThereIsOneLineAndExitCode1() {
        assertThat(cli().execute("load", tmp.resolve("missing.txt").toString())).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("platform: no such file: " + tmp.resolve("missing.txt"));
    }

    @Test
    void wrongUsageIsExitCode2WithTheUsage() {
        assertThat(cli().execute("load")).isEqualTo(2);
        assertThat(err.toString()).contains("FILE");
        assertThat(cli().execute("launch")).isEqualTo(2);
        assertThat(cli().execute("--articles=5")).isEqualTo(2);
    }

    @Test
    void helpNamesEveryCommandAndTheEnvironment() {
        assertThat(cli().execute("--help")).isZero();
        assertThat(out.toString()).contains("run", "load", "generate", "--fresh", "--no-samples", "--data-dir",
                "INGEST_API_KEY", "INGEST_PORT", "KAFKA_PORT", "SEARCH_ENGINE_HEAP", "BULLETIN_DATA_DIR", "INGEST_URL");
        out.getBuffer().setLength(0);
        assertThat(cli().execute("help", "generate")).isZero();
        assertThat(out.toString()).contains("--articles", "--files", "--seed", "DIR");
    }

    @Test
    void theSearchEngineHeapComesFromItsVariableAndAWrongOneNamesIt() {
        assertThat(PlatformCommand.engineHeap(Map.of())).isEmpty();
        assertThat(PlatformCommand.engineHeap(Map.of("SEARCH_ENGINE_HEAP", " "))).isEmpty();
        assertThat(PlatformCommand.engineHeap(Map.of("SEARCH_ENGINE_HEAP", "1G"))).contains(HeapSize.parse("1g"));
        assertThatThrownBy(() -> PlatformCommand.engineHeap(Map.of("SEARCH_ENGINE_HEAP", "1gb")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SEARCH_ENGINE_HEAP: '1gb' is not a heap size (a whole number and k, m or g, such as 512m"
                        + " or 1g)");
    }
}
