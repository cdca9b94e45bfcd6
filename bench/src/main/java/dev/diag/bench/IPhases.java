package dev.diag.bench;

import dev.diag.agent.functions.Args;
import dev.diag.agent.functions.CallContext;
import dev.diag.agent.functions.DiagFunction;
import dev.diag.agent.functions.Functions;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.ThreadTable;
import dev.diag.agent.probe.TopFrames;
import dev.diag.protocol.message.ChunkWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.List;

/**
 * i() on the agent, phase by phase, in this JVM with the agent's own classes and N parked threads
 * (default 10,000): the time and the bytes this thread allocates for each phase, as i() takes them
 * (the pids and counters in bulk, the live threads sorted by pid, the mailbox scan, the stacks for
 * the current-function column: JDK 17 in batches of {@value TopFrames#BATCH} per pause, JDK 21+
 * each thread's own walk), then the whole i() call with its rows written into one reused buffer,
 * as the node writes them into a chunk's frame (no socket). Six rounds, the first one the JVM
 * warming up. Run by bench/i-phases; costs a few seconds.
 *
 * <pre>ids+counters 2 ms 0.23 MiB, threads 1 ms 0.12 MiB, mailboxes 3 ms 0.02 MiB, stacks 80 ms 3.1 MiB; i() 95 ms 3.6 MiB (1.9 MiB of rows)</pre>
 */
public final class IPhases {
    private static final com.sun.management.ThreadMXBean MX =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        ParkedThreads.start(args.length > 0 ? Integer.parseInt(args[0]) : 10000);
        JdkInternals internals = JdkInternals.withoutInstrumentation();
        MailboxFinder finder = new MailboxFinder(internals);
        DiagFunction i = Functions.all(internals).find("i");
        for (int round = 0; round < 6; round++) {
            Phases phases = new Phases();
            long[] ids = ThreadTable.bean().getAllThreadIds();
            Arrays.sort(ids);
            ThreadTable.cpuNanos(ids);
            ThreadTable.allocatedBytes(ids);
            phases.end("ids+counters");
            Thread[] threads = LiveThreads.sortedById();
            phases.end("threads");
            finder.scan(Arrays.asList(threads));
            phases.end("mailboxes");
            stacks(ids, threads);
            phases.end("stacks");
            Rows rows = new Rows();
            i.call(new Args("i", List.of()), rows);
            phases.end("i()");
            System.out.printf("%s (%.1f MiB of rows)%n", phases, rows.bytes / 1048576.0);
        }
        System.exit(0);
    }

    /** The current-function column's stacks, as i() takes them. */
    private static void stacks(long[] ids, Thread[] threads) {
        if (TopFrames.perThread()) {
            for (Thread thread : threads) {
                TopFrames.interesting(thread.getStackTrace());
            }
            return;
        }
        for (int from = 0; from < ids.length; from += TopFrames.BATCH) {
            int to = Math.min(ids.length, from + TopFrames.BATCH);
            for (ThreadInfo info : ThreadTable.bean().getThreadInfo(
                    Arrays.copyOfRange(ids, from, to), TopFrames.depthFor(threads, ids, from, to))) {
                if (info != null) {
                    TopFrames.interesting(info.getStackTrace());
                }
            }
        }
    }

    /** Time and this thread's allocation, phase after phase. */
    private static final class Phases {
        private final StringBuilder text = new StringBuilder();
        private long at = System.nanoTime();
        private long allocated = MX.getCurrentThreadAllocatedBytes();

        void end(String phase) {
            long now = System.nanoTime();
            long bytes = MX.getCurrentThreadAllocatedBytes();
            text.append(text.length() == 0 ? "" : ", ").append(String.format("%s %d ms %.2f MiB", phase,
                    (now - at) / 1_000_000, (bytes - allocated) / 1048576.0));
            at = System.nanoTime();
            allocated = MX.getCurrentThreadAllocatedBytes();
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** The rows written as the node writes a chunk, into one buffer reused from chunk to chunk. */
    private static final class Rows implements CallContext {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(128 * 1024);
        long bytes;

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void emit(List<?> rows) {
            throw new UnsupportedOperationException("i() writes its rows itself (ChunkWriter.Rows), no list of records");
        }

        @Override
        public void emit(ChunkWriter.Rows rows) {
            buffer.reset();
            try {
                ChunkWriter.write(buffer, 1, rows);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bytes += buffer.size();
        }
    }
}
