package dev.diag.agent.functions;

import dev.diag.agent.AgentThreads;
import dev.diag.agent.probe.GcHistory;
import dev.diag.agent.probe.HostLimits;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxFlows;
import dev.diag.agent.probe.MailboxSnapshot;
import dev.diag.agent.probe.ShutdownWatch;
import dev.diag.agent.probe.TextFiles;
import dev.diag.agent.probe.ThreadTable;
import dev.diag.agent.probe.ThreadWindow;
import dev.diag.agent.probe.VirtualWaits;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.ThreadLimits;
import dev.diag.protocol.result.WhyReport;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;

/**
 * {@code why()}: the first call on a sick node. Samples the node twice, {@value #WINDOW_MILLIS} ms
 * apart (every thread's CPU counter, a mailbox scan and the GC counters each time; the mailboxes'
 * drain counters through the window, see {@link MailboxFlows}), then reads
 * every thread's state and lock without stacks, what each virtual thread is parked on (JDK 21+,
 * {@link VirtualWaits}), the deadlock detector, heap, limits and shutdown state, and hands them to {@link WhyFindings}, which turns them into findings ranked by how many
 * processes each holds up. Only the few threads named in findings have their top frames taken.
 * Nothing outlives the call; no thread is started; diag's own threads are never looked at.
 *
 * <pre>
 * why()  →  WhyReport[findings=[Finding[kind=mailbox, summary=Mailbox ASYNC is full (256/256) ...]], ...]
 * </pre>
 */
final class Why extends FunctionBase {
    static final long WINDOW_MILLIS = 500;
    static final int ATTEMPTS = 3; // a sample an OutOfMemoryError cut short is taken again, then the heap alone is told

    private final JdkInternals internals;
    private final MailboxFinder mailboxes;
    private final ShutdownWatch shutdown;
    private final GcHistory gcHistory;
    private final TextFiles files;

    Why(JdkInternals internals, ShutdownWatch shutdown, GcHistory gcHistory) {
        this(internals, shutdown, gcHistory, TextFiles.system());
    }

    /** With {@code files} for /proc and /sys: tests give a host near its thread limit. */
    Why(JdkInternals internals, ShutdownWatch shutdown, GcHistory gcHistory, TextFiles files) {
        super(Declaration.WHY);
        this.internals = internals;
        this.mailboxes = new MailboxFinder(internals);
        this.shutdown = shutdown;
        this.gcHistory = gcHistory;
        this.files = files;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        long start = System.nanoTime();
        for (int attempt = 1; attempt < ATTEMPTS; attempt++) {
            try {
                return sample(start);
            } catch (OutOfMemoryError e) {
                // the app filled the heap under us: the collector may free some in a moment
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw FunctionException.failed("why() was cancelled");
                }
            }
        }
        try {
            return sample(start);
        } catch (OutOfMemoryError e) {
            // a heap too full for the sample is the finding: say so from the counters alone
            return WhyNodeFindings.heapTooFull(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage(), gcMillis(),
                    ManagementFactory.getRuntimeMXBean().getUptime(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    private WhyReport sample(long start) throws FunctionException {
        ThreadWindow.Snapshot cpuBefore = ThreadWindow.take();
        long gcBefore = gcMillis();
        MailboxSnapshot boxesBefore = mailboxes.scan(LiveThreads.all());
        MailboxFlows flows = MailboxFlows.start(boxesBefore);
        long slept = System.nanoTime();
        try {
            flows.await(WINDOW_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FunctionException.failed("why() was cancelled during its sampling window");
        }
        slept = System.nanoTime() - slept;
        ThreadWindow.Snapshot cpuAfter = ThreadWindow.take();
        long gcAfter = gcMillis();
        List<Thread> live = LiveThreads.all();
        long[] ignored = ignored();
        MailboxSnapshot boxesAfter = mailboxes.scan(live);
        Map<String, MailboxFlows.Flow> rates = flows.finish(boxesBefore, boxesAfter);
        VirtualWaits virtual = VirtualWaits.of(internals.virtualThreads(), boxesAfter, internals);
        // every app thread's state and lock, no stacks (no pause), for the ids the CPU sample has
        WhyThreads threads = new WhyThreads(cpuAfter.ids(), ThreadTable.bean().getThreadInfo(cpuAfter.ids(), 0), ignored);
        long[] deadlocked = ThreadTable.bean().isSynchronizerUsageSupported()
                ? ThreadTable.bean().findDeadlockedThreads() : ThreadTable.bean().findMonitorDeadlockedThreads();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        ThreadLimits limits = HostLimits.read(files, ManagementFactory.getThreadMXBean().getThreadCount());
        long window = Math.max(1, (cpuAfter.nanos() - cpuBefore.nanos()) / 1_000_000);
        WhyFindings.Sample sample = new WhyFindings.Sample(window, cpuBefore, cpuAfter, boxesBefore, boxesAfter,
                rates, live, threads, virtual, deadlocked == null ? new long[0] : deadlocked, heap, gcAfter - gcBefore, gcAfter,
                ManagementFactory.getRuntimeMXBean().getUptime(), limits, shutdown.state(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors(),
                gcHistory.lastMinute(System.currentTimeMillis()));
        WhyFindings found = WhyFindings.of(sample);
        long nodeMillis = Math.max(0, (System.nanoTime() - start - slept) / 1_000_000);
        return new WhyReport(found.findings(), window, nodeMillis, found.note());
    }

    /** diag's own threads and the caller (a test's thread, in-process): never the answer. */
    private static long[] ignored() {
        long[] agents = AgentThreads.ids();
        long[] ids = java.util.Arrays.copyOf(agents, agents.length + 1);
        ids[agents.length] = Thread.currentThread().getId();
        java.util.Arrays.sort(ids);
        return ids;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (GcHistory.isPause(gc.getName())) { // a concurrent cycle's time runs beside the app
                total += Math.max(0, gc.getCollectionTime());
            }
        }
        return total;
    }
}
