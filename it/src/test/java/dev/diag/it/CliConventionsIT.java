package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.shell.MainCommandLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command-line habits a new user brings, through the real bin/diag: --help and {@code help SUB}
 * everywhere, one error style, output never cut on a pipe, UTF-8 whatever the locale, NO_COLOR,
 * and bash completion of node names from the registry.
 */
class CliConventionsIT {

    @Test
    void everySubcommandAnswersHelpOnStdoutListingEachOfItsOptions() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            for (CommandLine sub : MainCommandLine.build().getSubcommands().values()) {
                String name = sub.getCommandName();
                DiagCli.Run dashHelp = DiagCli.run(home, name, "--help");
                DiagCli.Run helpSub = DiagCli.run(home, "help", name);
                for (DiagCli.Run run : List.of(dashHelp, helpSub)) {
                    assertEquals(0, run.exit(), run::toString);
                    assertEquals("", run.err(), run::toString);
                    assertTrue(run.out().contains("Usage: diag " + name), run::toString);
                    for (OptionSpec option : sub.getCommandSpec().options()) {
                        assertTrue(run.out().contains(option.longestName()), name + " lists " + option.longestName()
                                + ": " + run);
                    }
                }
                assertEquals(dashHelp.out(), helpSub.out(), "diag " + name + " --help and diag help " + name);
            }
            DiagCli.Run top = DiagCli.run(home, "--help");
            for (String name : MainCommandLine.build().getSubcommands().keySet()) {
                assertTrue(top.out().contains("  " + name), "diag --help names " + name + ": " + top);
            }
        }
    }

    @Test
    void everyErrorIsOneSentenceOnStderrStartingWithDiagAndANonZeroExit() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            List<List<String>> mistakes = List.of(
                    List.of("attach", "--nosuch"),
                    List.of("inject", "notapid"),
                    List.of("completion", "fish"),
                    List.of("--cmd", "memory(", "--node", "orders"),
                    List.of("--cmd", "memroy()", "--node", "orders"),
                    List.of("--cmd", "memory()", "--node", "nobody"),
                    List.of("--cmd", "memory()", "--nodes", "nobody,noone"),
                    List.of("--json", "--cmd", "memory()", "--node", "nobody"),
                    List.of("load", "--node", "orders", "/no/such/Foo.class"),
                    List.of("--timeout", "0", "--cmd", "memory()", "--node", "orders"));
            for (List<String> args : mistakes) {
                DiagCli.Run run = DiagCli.run(home, args.toArray(String[]::new));
                assertNotEquals(0, run.exit(), run::toString);
                List<String> lines = run.err().lines().toList();
                assertFalse(lines.isEmpty(), run::toString);
                for (String line : lines) {
                    assertTrue(line.startsWith("diag: "), "every error line starts with 'diag: ': " + run);
                    assertFalse(line.contains("Exception") || line.startsWith("\tat "), "no Java in it: " + run);
                }
            }
        }
    }

    @Test
    void pipedOutputIsNeverCutWhateverColumnsSays() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            DiagCli.Run narrow = DiagCli.runWithEnv(home, Map.of("COLUMNS", "60"), "--cmd", "help()");
            DiagCli.Run unset = DiagCli.run(home, "--cmd", "help()");

            assertEquals(0, narrow.exit(), narrow::toString);
            assertEquals(unset.out(), narrow.out(), "COLUMNS=60 on a pipe changes nothing");
            assertTrue(narrow.outLines().stream().anyMatch(l -> l.length() > 60), narrow::toString);
        }
    }

    @Test
    void aMultibyteArgumentArrivesWholeUnderTheCLocale() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            Map<String, String> c = new HashMap<>();
            c.put("LANG", "C");
            c.put("LC_ALL", null);
            c.put("LC_CTYPE", null);
            DiagCli.Run run = DiagCli.runWithEnv(home, c, "--cmd", "mémory()", "--node", "orders");

            assertEquals(2, run.exit(), run::toString);
            assertTrue(run.err().contains("there is no function mémory/0"), "the é went in and came out: " + run);
        }
    }

    @Test
    void noColorTakesTheColourOutOfTheConsolesCompletionList() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            String coloured = completionScreen(home, "");
            String plain = completionScreen(home, "NO_COLOR=1 ");

            assertTrue(coloured.contains("\u001b[36m"), "JLine colours the list by default: " + coloured);
            assertTrue(plain.contains("metaspace") && !plain.contains("\u001b[36m") && !plain.contains("\u001b[90m"),
                    "NO_COLOR=1: no colour: " + plain);
        }
    }

    /** The console's screen, escapes kept, after "m" and Tab twice (the list of completions). */
    private static String completionScreen(DiagHomeDir home, String env) throws Exception {
        try (Tmux tmux = new Tmux(home, env + Repo.DIAG)) {
            tmux.awaitText("(no node)>", 30);
            tmux.keys("m", "Tab", "Tab");
            tmux.awaitText("metaspace", 10);
            return tmux.screenWithEscapes();
        }
    }

    @Test
    void bashCompletesTheNamesOfTheNodesRunningNow() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm orders = TargetJvm.start(home, "orders")) {
            Path bin = Files.createDirectory(home.path().resolve("bin"));
            Files.createSymbolicLink(bin.resolve("diag"), Repo.DIAG);
            try (Tmux tmux = new Tmux(home, "env PATH=" + bin + ":$PATH bash --norc --noprofile -i")) {
                tmux.line("source <(diag completion bash) && echo completion-loaded");
                tmux.awaitText("completion-loaded", 30);
                tmux.keys("diag attach or", "Tab");
                tmux.awaitText("diag attach orders", 30);
                tmux.keys("C-u");
                tmux.keys("diag --node or", "Tab");
                tmux.awaitText("diag --node orders", 30);
                tmux.keys("C-u");
                tmux.keys("diag att", "Tab");
                tmux.awaitText("diag attach", 30);
            }
        }
    }
}
