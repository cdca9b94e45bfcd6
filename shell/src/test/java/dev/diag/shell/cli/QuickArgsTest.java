package dev.diag.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.shell.MainCommandLine;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The fast path must read every command line it accepts exactly as picocli reads it. */
class QuickArgsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "--cmd memory",
            "--cmd memory --node orders",
            "--cmd=memory --node=orders@db1:4370",
            "--node orders --cmd memory --cmd memory(heap)",
            "--json --cmd memory",
            "--cmd memory --timeout 30 --cookie-file /tmp/c",
            "--cookie-file=/tmp/c --timeout=5 --json --cmd erlang:memory(heap).",
            "--cmd memory --node a --node b",
            "--cmd memory --nodes a,b,c@db1",
            "--nodes=a,b@db1:4370 --cmd memory --node c --json",
            "--node a,b --cmd memory --nodes c --cmd memory(heap)",
            "--cmd memory --nodes orders@[::1]:4370,b@10.0.0.7",
            "--cmd memory --nodes a --nodes b --timeout 3",
    })
    void readsPlainOneShotLinesAsPicocliDoes(String line) {
        assertReadAsPicocliDoes(line, QuickArgs.parse(line.split(" "), () -> true));
    }

    /** With stdin a pipe or a file and no --cmd, the calls come from stdin: the fast path takes those too. */
    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "--node orders",
            "--nodes a,b@db1 --json",
            "--node a --node b --timeout 2 --cookie-file /tmp/c",
    })
    void readsStdinScriptLinesAsPicocliDoes(String line) {
        QuickArgs.Parsed quick = QuickArgs.parse(args(line), () -> false);
        assertReadAsPicocliDoes(line, quick);
        assertTrue(quick.commands().isEmpty(), line);
    }

    @Test
    void eachItemOfANodeListIsAFullNodeName() {
        QuickArgs.Parsed quick = QuickArgs.parse(args("--cmd memory --nodes a,b@db1 --node c@db2:4370"), () -> true);
        assertEquals(List.of("a", "b@db1", "c@db2:4370"), quick.options().nodes());
    }

    private static void assertReadAsPicocliDoes(String line, QuickArgs.Parsed quick) {
        String[] args = args(line);
        assertNotNull(quick, line);

        CommandLine picocli = MainCommandLine.build();
        picocli.parseArgs(args);
        ConnectionOptions expected = picocliOptions(picocli);

        assertEquals(commands(picocli), quick.commands(), line);
        assertEquals(expected.nodes, quick.options().nodes, line);
        assertEquals(expected.cookieFile, quick.options().cookieFile, line);
        assertEquals(expected.timeoutSeconds, quick.options().timeoutSeconds, line);
        assertEquals(expected.json, quick.options().json, line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "--help",
            "--version",
            "attach orders",
            "demo --cmd memory",
            "--node orders",
            "--cmd memory --nodes a,,b",
            "--cmd memory --nodes a,",
            "--cmd memory --nodes ,a",
            "--cmd memory --nodes \"a,b\"",
            "--cmd memory --node 'a'",
            "--cmd memory --nodes",
            "--cmd memory --frobnicate",
            "--cmd memory --timeout soon",
            "--cmd memory --json --json",
            "--cmd",
            "--cmd -x",
            "--json=true --cmd memory",
    })
    void leavesEverythingElseToPicocli(String line) {
        assertNull(QuickArgs.parse(args(line), () -> true), line);
    }

    /** At a terminal, no --cmd means the console, which picocli's path opens. */
    @ParameterizedTest
    @ValueSource(strings = {"", "--node orders", "--nodes a,b"})
    void leavesTheConsoleToPicocli(String line) {
        assertNull(QuickArgs.parse(args(line), () -> true), line);
    }

    private static String[] args(String line) {
        return line.isEmpty() ? new String[0] : line.split(" ");
    }

    private static List<String> commands(CommandLine picocli) {
        return picocli.getParseResult().matchedOptionValue(QuickArgs.CMD, List.of());
    }

    private static ConnectionOptions picocliOptions(CommandLine picocli) {
        ConnectionOptions options = new ConnectionOptions();
        CommandLine.ParseResult parsed = picocli.getParseResult();
        options.nodes = parsed.matchedOptionValue(ConnectionOptions.NODE, List.of());
        options.cookieFile = parsed.matchedOptionValue(ConnectionOptions.COOKIE_FILE, null);
        options.timeoutSeconds = parsed.matchedOptionValue(ConnectionOptions.TIMEOUT,
                ConnectionOptions.DEFAULT_TIMEOUT_SECONDS);
        options.json = parsed.matchedOptionValue(ConnectionOptions.JSON, false);
        return options;
    }
}
