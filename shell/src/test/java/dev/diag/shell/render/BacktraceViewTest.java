package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.result.Backtrace;
import dev.diag.protocol.result.ProcessRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktraceViewTest {
    private static final List<ProcessRef> WORKER = List.of(new ProcessRef(14, "AsyncAppender-Worker-ASYNC"));

    @Test
    void aWaiterOnAFullMailboxSeesHowFullItIsAndWhoDrainsIt() {
        Backtrace trace = new Backtrace(19, "request-handler-3", "WAITING", List.of(), null, null, "ASYNC", WORKER,
                null, 256, 256);
        assertEquals("  waiting on mailbox ASYNC (256/256), drained by <14> AsyncAppender-Worker-ASYNC",
                BacktraceView.render(trace, 120).get(1));
    }

    @Test
    void anUnboundedMailboxHasASizeAndAnOlderAgentsAnswerNoFigures() {
        Backtrace unbounded = new Backtrace(19, "h", "WAITING", List.of(), null, null, "jobs", WORKER, null, 12_000, null);
        assertEquals("  waiting on mailbox jobs (12,000), drained by <14> AsyncAppender-Worker-ASYNC",
                BacktraceView.render(unbounded, 120).get(1));
        Backtrace older = new Backtrace(19, "h", "WAITING", List.of(), null, null, "jobs", WORKER, null, null, null);
        assertEquals("  waiting on mailbox jobs, drained by <14> AsyncAppender-Worker-ASYNC",
                BacktraceView.render(older, 120).get(1));
    }
}
