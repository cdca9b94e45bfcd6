package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The console asks before a call the node says is high-impact, one that may pause it, in a real
 * terminal: n sends nothing, y runs it. heap_dump proves which: the file exists only if the call ran.
 */
class ConsoleConfirmationIT {

    @Test
    void asksBeforeAHighImpactCallAndNSendsNothingWhileYRunsIt() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders");
                Tmux tmux = new Tmux(home, Repo.DIAG + " attach orders")) {
            Path file = home.path().resolve("asked.hprof");
            tmux.awaitText(")1> ", 30);
            tmux.line("heap_dump(\"" + file + "\").");
            String screen = tmux.awaitText("Run it? (y/n)", 10);
            assertTrue(screen.contains("is high impact on orders@"), screen);
            assertTrue(screen.contains("a cancelled call cannot stop the dump"), screen); // the node's own sentence
            tmux.line("n");
            tmux.awaitText("Not run: nothing was sent to the node.", 10);
            tmux.awaitText(")2> ", 10);
            assertFalse(Files.exists(file), "answering n must not dump");

            tmux.line("heap_dump(\"" + file + "\").");
            tmux.awaitCount("Run it? (y/n)", 2, 10);
            tmux.line("y");
            screen = tmux.awaitText("Wrote " + file + " on the node", 30);
            assertTrue(Files.size(file) > 0, screen);

            tmux.line("memory(heap).");
            screen = tmux.awaitText("(heap: ", 10);
            assertTrue(Tmux.count(screen, "Run it?") == 2, "a low-impact call is not asked about: " + screen);
            tmux.line("q().");
            tmux.awaitConsoleEnded(10);
        }
    }
}
