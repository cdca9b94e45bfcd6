package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.DumpSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The footer of backtraces() says how the stacks were taken, from what the node sent. */
class BacktracesViewTest {
    private final BacktracesView view = new BacktracesView();

    @Test
    void aJdk25NodesSummarySaysNoWholeJvmPause() throws Exception {
        assertEquals(List.of("12 threads, each stack taken from its own thread alone, with no pause of the whole JVM; "
                + "held java.util.concurrent locks not looked for (process_info(Pid, backtrace) shows them)"),
                footer(new DumpSummary(12, 0, 1)));
    }

    @Test
    void aPausingNodeCancelledBeforeItsFirstPauseIsNotSaidToTakeStacksWithoutPauses() throws Exception {
        assertEquals(List.of("0 threads, their stacks taken in 0 pause(s) of at most 500 threads; held "
                + "java.util.concurrent locks not looked for (process_info(Pid, backtrace) shows them)"),
                footer(new DumpSummary(0, 0, 500)));
    }

    @Test
    void aPausingNodesSummaryCountsItsPauses() throws Exception {
        assertEquals(List.of("1,200 threads, their stacks taken in 3 pause(s) of at most 500 threads; held "
                + "java.util.concurrent locks not looked for (process_info(Pid, backtrace) shows them)"),
                footer(new DumpSummary(1200, 3, 500)));
    }

    private List<String> footer(DumpSummary summary) throws Exception {
        return view.footer(Json.mapper().valueToTree(summary), 400);
    }
}
