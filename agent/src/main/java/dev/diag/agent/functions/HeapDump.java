package dev.diag.agent.functions;

import dev.diag.agent.AgentThreads;
import com.sun.management.HotSpotDiagnosticMXBean;
import dev.diag.agent.probe.Reasons;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.HeapDumpProgress;
import dev.diag.protocol.result.HeapDumpSummary;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code heap_dump(Path)}: an hprof file of the live objects, written on the node by
 * HotSpotDiagnosticMXBean.dumpHeap (what jcmd GC.heap_dump does). The dump runs on its own
 * short-lived thread so this call can stream how far the file has grown every
 * {@value #PROGRESS_MILLIS} ms; the JVM offers no way to stop a dump, so a cancelled call stops
 * reporting and the dump goes on to the end.
 */
final class HeapDump extends FunctionBase {
    static final long PROGRESS_MILLIS = 500;

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
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread dumper = AgentThreads.newThread(() -> {
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(path.toString(), true);
            } catch (Throwable t) { // kept for the caller: nothing may escape into the target
                failure.set(t);
            } finally {
                writing.set(null); // the dump ended, whoever still watches it
            }
        }, "diag-heap-dump");
        long start = System.nanoTime();
        try {
            dumper.start();
        } catch (Throwable t) { // e.g. no native thread left: the node is in worse trouble than a missing dump
            writing.set(null);
            throw FunctionException.failed("the node could not start a thread to write the dump: " + Reasons.of(t));
        }
        while (dumper.isAlive() && !context.cancelled()) {
            try {
                dumper.join(PROGRESS_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (dumper.isAlive()) {
                context.emit(List.of(new HeapDumpProgress(size(path), millisSince(start))));
            }
        }
        if (failure.get() != null) {
            throw FunctionException.failed("the JVM could not write " + path + ": " + Reasons.of(failure.get()));
        }
        return new HeapDumpSummary(path.toString(), size(path), millisSince(start), !dumper.isAlive());
    }

    @Override
    public String onCancel() {
        return "the JVM cannot stop a heap dump once it started: it goes on, and its file is complete when it stops "
                + "growing";
    }


    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0; // not created yet: the dump starts with a full GC
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
