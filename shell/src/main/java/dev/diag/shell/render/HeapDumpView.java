package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.HeapDumpProgress;
import dev.diag.protocol.result.HeapDumpSummary;
import dev.diag.shell.functions.StreamView;
import java.util.List;

/**
 * {@code heap_dump(Path)}: a line every half second while the node writes the file, then where it
 * is, how big, how long it took. A dump that outlives a cancelled call is said to go on.
 *
 * <pre>
 *  WRITTEN  ELAPSED
 * 96.0 MiB    0.5 s
 * Wrote /tmp/orders.hprof on the node: 301 MiB in 1.4 s.
 * </pre>
 */
public final class HeapDumpView implements StreamView {
    private static final String FORMAT = "%9s  %8s";

    @Override
    public List<String> header(int width) {
        return List.of(String.format(FORMAT, "WRITTEN", "ELAPSED"));
    }

    @Override
    public String row(JsonNode json, int width) throws Exception {
        HeapDumpProgress row = RecordReader.read(json, HeapDumpProgress.class);
        return String.format(FORMAT, Units.bytes(row.bytesWritten()), Units.millis(row.elapsedMillis()));
    }

    @Override
    public List<String> footer(JsonNode summary, int width) throws Exception {
        return render(RecordReader.read(summary, HeapDumpSummary.class), width);
    }

    public static List<String> render(HeapDumpSummary dump, int width) {
        if (!dump.finished()) {
            return Wrap.words("Stopped watching, but the dump goes on: the JVM cannot stop it. " + dump.path()
                    + " had " + Units.bytes(dump.bytes()) + " after " + Units.millis(dump.millis()) + ".", width);
        }
        return Wrap.words("Wrote " + dump.path() + " on the node: " + Units.bytes(dump.bytes()) + " in "
                + Units.millis(dump.millis()) + ".", width);
    }
}
