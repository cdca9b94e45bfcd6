package dev.diag.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StdinScriptTest {

    @Test
    void oneCallPerLineSkippingBlankLinesAndPercentComments() {
        String script = """
                % what the heap looks like, then the processes
                memory(heap)

                   processes().   \r
                  % indented comment
                erlang:memory(total).""";
        assertEquals(List.of("memory(heap)", "processes().", "erlang:memory(total)."), StdinScript.calls(script));
    }

    @Test
    void anEmptyScriptHasNoCalls() {
        assertEquals(List.of(), StdinScript.calls(""));
        assertEquals(List.of(), StdinScript.calls("\n% nothing\n\n"));
    }

    @Test
    void readsAStreamToItsEnd() throws Exception {
        byte[] piped = "memory(heap)\nprocesses()\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("memory(heap)", "processes()"), StdinScript.read(new ByteArrayInputStream(piped)));
    }

    @Test
    void terminalDevicesAreTerminalsAndPipesFilesAndDevNullAreNot() {
        assertTrue(StdinScript.isTerminalDevice("/dev/pts/3"));
        assertTrue(StdinScript.isTerminalDevice("/dev/tty1"));
        assertTrue(StdinScript.isTerminalDevice("/dev/console"));
        assertFalse(StdinScript.isTerminalDevice("pipe:[329936]"));
        assertFalse(StdinScript.isTerminalDevice("socket:[1234]"));
        assertFalse(StdinScript.isTerminalDevice("/dev/null"));
        assertFalse(StdinScript.isTerminalDevice("/home/ops/calls.txt"));
    }

    @Test
    void theLaunchersAnswerComesFirst() {
        String before = System.getProperty("diag.stdin");
        try {
            System.setProperty("diag.stdin", "terminal");
            assertTrue(StdinScript.isTerminal());
            System.setProperty("diag.stdin", "redirected");
            assertFalse(StdinScript.isTerminal());
        } finally {
            if (before == null) {
                System.clearProperty("diag.stdin");
            } else {
                System.setProperty("diag.stdin", before);
            }
        }
    }
}
