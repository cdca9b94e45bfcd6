package dev.diag.shell.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.diag.shell.expr.ExprParser;
import org.junit.jupiter.api.Test;

class ReconViewsTest {
    private final FunctionTable table = FunctionTable.standard();

    @Test
    void theRankingsAnswerWithAndWithoutTheReconPrefixButTopOnlyBare() throws Exception {
        assertEquals("proc_count", table.resolve(ExprParser.parse("recon:proc_count(memory, 3)")).name());
        assertEquals("proc_count", table.resolve(ExprParser.parse("proc_count(memory, 3)")).name());
        assertEquals("proc_window", table.resolve(ExprParser.parse("recon:proc_window(memory, 3, 10)")).name());
        assertThrows(UnknownFunctionException.class, () -> table.resolve(ExprParser.parse("erlang:proc_count(memory, 3)")));
        assertThrows(UnknownFunctionException.class, () -> table.resolve(ExprParser.parse("recon:top()")));
        assertInstanceOf(LiveView.class, table.resolve(ExprParser.parse("top()")).live());
    }

    @Test
    void procWindowIsWaitedForAsLongAsItsWindowAndNoLongerThanTheLargestWindow() throws Exception {
        FunctionSpec window = table.find("proc_window").orElseThrow();

        assertEquals(1500, window.windowMillis(ExprParser.parse("proc_window(reductions, 3, 1500)")));
        assertEquals(60_000, window.windowMillis(ExprParser.parse("proc_window(reductions, 3, 999999)")));
        assertEquals(0, window.windowMillis(ExprParser.parse("proc_window(reductions, 3, soon)")));
        assertEquals(0, table.find("proc_count").orElseThrow().windowMillis(ExprParser.parse("proc_count(memory, 3)")));
    }
}
