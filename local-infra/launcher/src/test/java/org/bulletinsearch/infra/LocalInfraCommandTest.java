package org.bulletinsearch.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The local-infra command line, parsed only (no server starts). */
class LocalInfraCommandTest {

    @Test
    void aSubsetOnFixedPortsWithADataFolder() {
        CommandLine cli = LocalInfraCommand.commandLine();
        cli.parseArgs("--data-dir=data-dev", "--only=kafka,opensearch", "--kafka-port=19092", "--search-engine-heap=1g",
                "--until-stdin-eof");
        LocalInfraCommand command = cli.getCommand();

        assertThat(command.dataDir).isEqualTo(Path.of("data-dev"));
        assertThat(command.only).containsExactly(Component.KAFKA, Component.SEARCH_ENGINE);
        assertThat(command.kafkaPort).isEqualTo(19092);
        assertThat(command.postgresPort).isZero();
        assertThat(command.searchEngineHeap).isEqualTo(HeapSize.parse("1g"));
        assertThat(command.untilStdinEof).isTrue();
    }

    @Test
    void everythingOnFreePortsByDefault() {
        CommandLine cli = LocalInfraCommand.commandLine();
        cli.parseArgs();
        LocalInfraCommand command = cli.getCommand();
        assertThat(command.only).containsExactly(Component.values());
        assertThat(command.dataDir).isNull();
        assertThat(command.searchEngineHeap).isNull();
    }

    @Test
    void aWrongHeapIsAUsageErrorNamingTheOption() {
        StringWriter err = new StringWriter();
        int exit = LocalInfraCommand.commandLine().setErr(new PrintWriter(err)).execute("--search-engine-heap=1gb");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--search-engine-heap", "'1gb' is not a heap size");
    }

    @Test
    void anUnknownComponentIsAUsageErrorNamingTheKnownOnes() {
        StringWriter err = new StringWriter();
        int exit = LocalInfraCommand.commandLine().setErr(new PrintWriter(err)).execute("--only=kafka,redis");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown component 'redis'", "kafka, postgres, search-engine", "--only");
    }

    @Test
    void helpListsEveryOption() {
        StringWriter out = new StringWriter();
        assertThat(LocalInfraCommand.commandLine().setOut(new PrintWriter(out)).execute("--help")).isZero();
        assertThat(out.toString()).contains("--data-dir", "--only", "--kafka-port", "--postgres-port",
                "--search-engine-port", "--search-engine-heap", "--until-stdin-eof");
    }
}
