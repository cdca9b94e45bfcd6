package dev.diag.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.diag.shell.Main;
import java.util.List;
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
    })
    void readsPlainOneShotLinesAsPicocliDoes(String line) {
        String[] args = line.split(" ");
        QuickArgs.Parsed quick = QuickArgs.parse(args);
        assertNotNull(quick, line);

        CommandLine picocli = Main.commandLine();
        picocli.parseArgs(args);
        ConnectionOptions expected = picocliOptions(picocli);

        assertEquals(commands(picocli), quick.commands(), line);
        assertEquals(expected.node, quick.options().node, line);
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
            "--cmd memory --node a --node b",
            "--cmd memory --frobnicate",
            "--cmd memory --timeout soon",
            "--cmd memory --json --json",
            "--cmd",
            "--cmd -x",
            "--json=true --cmd memory",
    })
    void leavesEverythingElseToPicocli(String line) {
        assertNull(QuickArgs.parse(line.isEmpty() ? new String[0] : line.split(" ")), line);
    }

    private static List<String> commands(CommandLine picocli) {
        return picocli.getParseResult().matchedOptionValue(QuickArgs.CMD, List.of());
    }

    private static ConnectionOptions picocliOptions(CommandLine picocli) {
        ConnectionOptions options = new ConnectionOptions();
        CommandLine.ParseResult parsed = picocli.getParseResult();
        options.node = parsed.matchedOptionValue(ConnectionOptions.NODE, null);
        options.cookieFile = parsed.matchedOptionValue(ConnectionOptions.COOKIE_FILE, null);
        options.timeoutSeconds = parsed.matchedOptionValue(ConnectionOptions.TIMEOUT,
                ConnectionOptions.DEFAULT_TIMEOUT_SECONDS);
        options.json = parsed.matchedOptionValue(ConnectionOptions.JSON, false);
        return options;
    }
}
