package dev.diag.shell.functions;

import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.GarbageCollect;
import dev.diag.protocol.result.HeapDumpSummary;
import dev.diag.protocol.result.HeapHistogram;
import dev.diag.shell.render.GarbageCollectView;
import dev.diag.shell.render.HeapDumpView;
import dev.diag.shell.render.HeapHistogramView;
import java.util.List;
import java.util.Set;

/** The memory-hunting functions' entries of the shell's table: heap_histogram/0,1, garbage_collect/0, heap_dump/1. */
final class HeapSpecs {
    private HeapSpecs() {
    }

    static List<FunctionSpec> all() {
        return List.of(
                new FunctionSpec("heap_histogram", 0, 1, Set.of(), "[N]",
                        "the N classes (default 20; 0 for the totals alone) whose live instances take the most heap, "
                                + "with instance counts and bytes, then totals; forces a full GC (high impact: the "
                                + "console asks first)",
                        "heap_histogram().   heap_histogram(50).",
                        (result, width) -> HeapHistogramView.render(RecordReader.read(result, HeapHistogram.class), width)),
                new FunctionSpec("garbage_collect", 0, 0, Set.of("erlang"), "",
                        "runs a full GC and shows each pool's used bytes before and after, what was freed, and the "
                                + "collectors' counts; says so when -XX:+DisableExplicitGC makes the JVM ignore it",
                        "garbage_collect().",
                        (result, width) -> GarbageCollectView.render(RecordReader.read(result, GarbageCollect.class), width)),
                new FunctionSpec("heap_dump", 1, 1, Set.of(), "\"/abs/path.hprof\"",
                        "writes an hprof file of the live objects on the node's host, showing progress, then its size "
                                + "and time; the path must be absolute, new, end in .hprof, on a disk with room for the "
                                + "heap in use; cancelling stops the watching, not the JVM's dump",
                        "heap_dump(\"/tmp/orders.hprof\").",
                        (result, width) -> HeapDumpView.render(RecordReader.read(result, HeapDumpSummary.class), width),
                        new HeapDumpView()));
    }
}
