package dev.diag.shell.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleWordTest {

    @Test
    void readsEachWordAsErlangWritesItWithOrWithoutParenthesesAndTheDot() {
        for (String quit : new String[] {"q", "q()", "q().", " q() . ", "quit", "exit", "exit."}) {
            assertEquals(Optional.of(new ConsoleWord.Use(ConsoleWord.QUIT, null)), ConsoleWord.read(quit), quit);
        }
        assertEquals(Optional.of(new ConsoleWord.Use(ConsoleWord.HELP, null)), ConsoleWord.read("help()."));
    }

    @Test
    void attachTakesTheNodeWithoutTheClosingDotAndAloneMeansTheOnlyLocalNode() {
        assertEquals(Optional.of(new ConsoleWord.Use(ConsoleWord.ATTACH, "orders@db1.example.com")),
                ConsoleWord.read("attach  orders@db1.example.com."));
        assertEquals(Optional.of(new ConsoleWord.Use(ConsoleWord.ATTACH, null)), ConsoleWord.read("attach"));
    }

    @Test
    void callsAndLookAlikesAreNoConsoleWords() {
        for (String call : new String[] {"help(memory).", "q(1).", "quit now", "attachment", "memory().", "qq"}) {
            assertEquals(Optional.empty(), ConsoleWord.read(call), call);
        }
    }
}
