package dev.diag.agent.functions;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.diag.protocol.function.Declaration;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code heap_dump(Path)}: an hprof file of the live objects, written on the node by
 * HotSpotDiagnosticMXBean.dumpHeap (what jcmd GC.heap_dump does), on its own short-lived thread so
 * this call can stream how far the file has grown ({@link WatchedWrite}); the JVM offers no way to
 * stop a dump, so a cancelled call stops reporting and the dump goes on to the end.
 */
final class HeapDump extends FunctionBase {
    /** The dump being written, if any: one at a time, since each is a long pause and a file as big as the heap. */
    private final AtomicReference<Path> writing = new AtomicReference<>();

    HeapDump() {
        super(Declaration.HEAP_DUMP);
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        Path path = DumpPath.check(args.values().get(0));
        if (!writing.compareAndSet(null, path)) {
            throw FunctionException.badArgument("a heap dump is already being written on this node, to " + writing.get()
                    + "; wait for it to finish (its file stops growing) before asking for another");
        }
        return WatchedWrite.run(path, "diag-heap-dump",
                () -> ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(path.toString(), true),
                context, () -> writing.set(null)); // the dump ended, whoever still watches it
    }

    @Override
    public String onCancel() {
        return "the JVM cannot stop a heap dump once it started: it goes on, and its file is complete when it stops "
                + "growing";
    }
}
