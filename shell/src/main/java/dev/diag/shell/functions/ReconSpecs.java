package dev.diag.shell.functions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.ProcCount;
import dev.diag.protocol.result.ProcWindow;
import dev.diag.shell.expr.Call;
import dev.diag.shell.expr.Term;
import dev.diag.shell.render.ProcRankView;
import dev.diag.shell.render.TopView;
import java.util.List;
import java.util.Set;

/** The shell's entries for recon's rankings, proc_count/2 and proc_window/3, and the live top/0,1. */
final class ReconSpecs {
    private static final Set<String> RECON = Set.of("recon");

    private ReconSpecs() {
    }

    static List<FunctionSpec> all() {
        return List.of(
                new FunctionSpec("proc_count", 2, 2, RECON, "Attr, N",
                        "the top N processes by Attr since each started: reductions (CPU time), memory (bytes "
                                + "allocated) or message_queue_len (the mailbox it drains); no stacks but the winners'",
                        "recon:proc_count(reductions, 10).   proc_count(memory, 5).",
                        (result, width) -> ProcRankView.render(RecordReader.read(result, ProcCount.class), width)),
                new FunctionSpec("proc_window", 3, 3, RECON, "Attr, N, Ms",
                        "the top N processes by how much Attr grew during the next Ms milliseconds (1 to 60000), "
                                + "with the rate per second: who burns CPU, allocates or piles up work now",
                        "recon:proc_window(reductions, 10, 1000).",
                        new WindowRenderer()),
                new FunctionSpec("top", 0, 1, Set.of(), "[Samples]",
                        "a live view, as top and observer_cli: heap with its last minute, process count, the "
                                + "busiest processes of the last second and the largest mailboxes, redrawn every "
                                + "second until a key is pressed; in scripts one line a second, top(Samples) stops",
                        "top().   top(10).",
                        (result, width) -> List.of(), new TopView()));
    }

    /** proc_window answers after its window: the shell waits that much longer. */
    private static final class WindowRenderer implements FunctionSpec.Renderer, Lasting {
        @Override
        public List<String> render(JsonNode result, int width) throws Exception {
            return ProcRankView.render(RecordReader.read(result, ProcWindow.class), width);
        }

        @Override
        public long millis(Call call) {
            return call.args().size() == 3 && call.args().get(2) instanceof Term.Int window
                    ? Math.max(0, Math.min(window.value(), 60_000)) : 0;
        }
    }
}
