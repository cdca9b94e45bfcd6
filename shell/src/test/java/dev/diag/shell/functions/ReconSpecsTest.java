package dev.diag.shell.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.diag.shell.expr.ExprParser;
import org.junit.jupiter.api.Test;

class ReconSpecsTest {
    private final FunctionTable table = FunctionTable.standard();

    @Test
    void theRankingsAnswerWithAndWithoutTheReconPrefixButTopOnlyBare() throws Exception {
        assertEquals("proc_count", table.resolve(ExprParser.parse("recon:proc_count(memory, 3)")).name());
        assertEquals("proc_count", table.resolve(ExprParser.parse("proc_count(memory, 3)")).name());
        assertEquals("proc_window", table.resolve(ExprParser.parse("recon:proc_window(memory, 3, 10)")).name());
        assertThrows(UnknownFunctionException.class, () -> table.resolve(ExprParser.parse("erlang:proc_count(memory, 3)")));
        assertThrows(UnknownFunctionException.class, () -> table.resolve(ExprParser.parse("recon:top()")));
        assertInstanceOf(LiveView.class, table.resolve(ExprParser.parse("top()")).stream());
    }

    @Test
    void procWindowIsWaitedForAsLongAsItsWindowAndNoLongerThanTheLargestWindow() throws Exception {
        Lasting window = assertInstanceOf(Lasting.class, table.find("proc_window").orElseThrow().renderer());

        assertEquals(1500, window.millis(ExprParser.parse("proc_window(reductions, 3, 1500)")));
        assertEquals(60_000, window.millis(ExprParser.parse("proc_window(reductions, 3, 999999)")));
        assertEquals(0, window.millis(ExprParser.parse("proc_window(reductions, 3, soon)")));
        assertFalse(table.find("proc_count").orElseThrow().renderer() instanceof Lasting);
    }
}
