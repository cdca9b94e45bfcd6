package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * top() in a real terminal (tmux): it draws a screen with its headings, redraws it each second,
 * and a key press gives back the console's own screen and a prompt that works, the key not typed
 * into it; Ctrl-C stops it the same way.
 */
class TopConsoleIT {

    @Test
    void drawsRefreshesAndAKeyReturnsToAUsablePrompt() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = ReconIT.busy(Jdks.current(), home);
                Tmux tmux = new Tmux(home, Repo.DIAG + " attach busy")) {
            tmux.awaitText(")1> ", 30);
            tmux.line("top().");
            String screen = tmux.awaitText("top() — sample 1,", 15);
            assertTrue(screen.contains("heap  ") && screen.contains("processes  "), screen);
            screen = tmux.awaitText("top() — sample 2,", 10); // redrawn in place, not appended
            assertTrue(screen.contains("BUSIEST (CPU in the last") && screen.contains("spinner"), screen);
            // the fixture drains no mailbox; the agent's call pool is none and its threads are not ranked
            assertFalse(screen.contains("diag-call") || screen.contains("MAILBOXES (largest)"), screen);
            assertFalse(screen.contains("sample 1,"), "the screen is redrawn, not scrolled: " + screen);

            tmux.keys("x");
            screen = tmux.awaitText(")2> ", 10);
            assertTrue(screen.contains("top() stopped after "), screen);
            assertFalse(screen.contains("BUSIEST"), "the console's own screen is back: " + screen);
            assertFalse(screen.contains(")2> x"), "the key that stopped top() is not typed ahead: " + screen);

            tmux.line("memory(heap).");
            screen = tmux.awaitText(")3> ", 10);
            assertTrue(screen.contains("(heap: "), screen);

            tmux.line("top().");
            tmux.awaitText("top() — sample 1,", 15);
            tmux.keys("C-c");
            screen = tmux.awaitText(")4> ", 10);
            assertFalse(screen.contains("Exception"), screen);
            assertTrue(target.isAlive());
        }
    }
}
