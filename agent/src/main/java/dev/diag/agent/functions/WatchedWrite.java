package dev.diag.agent.functions;

import dev.diag.agent.AgentThreads;
import dev.diag.agent.probe.Reasons;
import dev.diag.protocol.result.HeapDumpProgress;
import dev.diag.protocol.result.HeapDumpSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A file the JVM writes on the node (a heap dump, a flight recording), written on a short-lived
 * agent thread of its own so the call can stream how far the file has grown every
 * {@value #PROGRESS_MILLIS} ms, then answer its size and time. The JVM's writers cannot be
 * stopped, so a cancelled call stops watching and the write goes on to the end ({@code finished}
 * false in the answer); {@code ended} runs when the write ends, whoever still watches it.
 *
 * <pre>
 * WatchedWrite.run(path, "diag-heap-dump", () -> bean.dumpHeap(path.toString(), true), context, () -> {})
 * </pre>
 */
final class WatchedWrite {
    static final long PROGRESS_MILLIS = 500;

    /** What writes the file; anything it throws is the caller's one-sentence failure. */
    interface Write {
        void run() throws Exception;
    }

    private WatchedWrite() {
    }

    static HeapDumpSummary run(Path path, String threadName, Write write, CallContext context, Runnable ended)
            throws FunctionException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = AgentThreads.newThread(() -> {
            try {
                write.run();
            } catch (Throwable t) { // kept for the caller: nothing may escape into the target
                failure.set(t);
            } finally {
                ended.run();
            }
        }, threadName);
        long start = System.nanoTime();
        try {
            writer.start();
        } catch (Throwable t) { // e.g. no native thread left: the node is in worse trouble than a missing file
            ended.run();
            throw FunctionException.failed("the node could not start a thread to write " + path + ": " + Reasons.of(t));
        }
        while (writer.isAlive() && !context.cancelled()) {
            try {
                writer.join(PROGRESS_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (writer.isAlive()) {
                context.emit(List.of(new HeapDumpProgress(size(path), millisSince(start))));
            }
        }
        if (failure.get() != null) {
            throw FunctionException.failed("the JVM could not write " + path + ": " + Reasons.of(failure.get()));
        }
        return new HeapDumpSummary(path.toString(), size(path), millisSince(start), !writer.isAlive());
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return 0; // not created yet: a heap dump starts with a full GC
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
