package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.HeapDumpProgress;
import dev.diag.protocol.result.HeapDumpSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapDumpViewTest {
    private final HeapDumpView view = new HeapDumpView();

    @Test
    void printsProgressRowsUnderTheHeaderThenWhereTheFileIs() throws Exception {
        assertEquals(List.of("  WRITTEN   ELAPSED"), view.header(80));
        assertEquals(" 96.0 MiB     2.4 s",
                view.row(Json.mapper().valueToTree(new HeapDumpProgress(96L * 1024 * 1024, 2_400)), 80));
        assertEquals(List.of("Wrote /tmp/orders.hprof on the node: 1020 MiB in 3.1 s."),
                view.footer(Json.mapper().valueToTree(new HeapDumpSummary("/tmp/orders.hprof", 1020L * 1024 * 1024,
                        3_100, true)), 80));
    }

    @Test
    void aDumpThatOutlivesACancelledCallIsSaidToGoOn() {
        assertEquals(List.of("Stopped watching, but the dump goes on: the JVM cannot stop it. /tmp/orders.hprof had 4.00",
                "MiB after 2.0 s."),
                HeapDumpView.render(new HeapDumpSummary("/tmp/orders.hprof", 4L * 1024 * 1024, 2_000, false), 90));
    }
}
