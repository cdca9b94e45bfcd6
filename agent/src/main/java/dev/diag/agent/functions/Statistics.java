package dev.diag.agent.functions;

import dev.diag.agent.probe.LiveThreads;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.CpuTime;
import dev.diag.protocol.result.GarbageCollection;
import dev.diag.protocol.result.MemoryReport;
import dev.diag.protocol.result.RunQueue;
import dev.diag.protocol.result.StatisticsItem;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;

/**
 * {@code statistics(Item)}, as Erlang's {@code erlang:statistics/1}: runtime (CPU time),
 * wall_clock (uptime), garbage_collection, run_queue. Low impact: counters from the platform
 * MXBeans; run_queue also takes every platform thread's state with
 * {@code getThreadInfo(ids, 0)}, which asks for no stacks and so stops no thread, and their
 * groups from {@link LiveThreads}, which takes no stacks either.
 */
final class Statistics extends FunctionBase {
    /** A runnable virtual thread waits for a carrier; the carriers are the platform threads counted. */
    static final String VIRTUAL_NOT_IN_RUN_QUEUE = Runtime.version().feature() < 21 ? null
            : "virtual threads are not in these counts: a runnable one waits for a carrier thread of the "
                    + "virtual-thread scheduler (ForkJoinPool-1 workers), which are counted; groups() shows their states";

    Statistics() {
        super(Declaration.STATISTICS);
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        StatisticsItem item = args.oneOf(0, StatisticsItem.class, "item");
        return switch (item) {
            case RUNTIME -> runtime();
            case WALL_CLOCK -> SystemInfo.uptime("wall_clock");
            case GARBAGE_COLLECTION -> garbageCollection();
            case RUN_QUEUE -> runQueue();
        };
    }

    static CpuTime runtime() {
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        Long cpu = null;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            cpu = nanos < 0 ? null : nanos; // -1: this platform cannot say
        }
        return new CpuTime(cpu, uptime, cpu == null ? null : share(cpu / 1_000_000.0, uptime),
                Runtime.getRuntime().availableProcessors());
    }

    static GarbageCollection garbageCollection() {
        List<MemoryReport.Collector> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(Statistics::collector)
                .toList();
        long count = collectors.stream().mapToLong(MemoryReport.Collector::count).sum();
        long time = collectors.stream().mapToLong(MemoryReport.Collector::timeMillis).sum();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        return new GarbageCollection(count, time, uptime, share(time, uptime), collectors);
    }

    static RunQueue runQueue() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Thread> byId = LiveThreads.byId();
        long self = Thread.currentThread().getId();
        int live = 0;
        int runnable = 0;
        int inNative = 0;
        int service = 0;
        // maxDepth 0: states only. With no stacks to take, HotSpot answers without a safepoint.
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (info == null) {
                continue; // ended since the ids were taken
            }
            live++;
            if (info.getThreadState() != Thread.State.RUNNABLE || info.getThreadId() == self) {
                continue;
            }
            runnable++;
            if (info.isInNative()) {
                inNative++;
            } else if (isJvmService(byId.get(info.getThreadId()))) {
                service++;
            }
        }
        return new RunQueue(load < 0 ? null : load, os.getAvailableProcessors(), runnable, inNative, service, live,
                VIRTUAL_NOT_IN_RUN_QUEUE);
    }

    /** The JVM's own service threads live in the root ("system") group; the application's below it. */
    private static boolean isJvmService(Thread thread) {
        ThreadGroup group = thread == null ? null : thread.getThreadGroup();
        return group != null && group.getParent() == null;
    }

    /** {@code part} as a share of {@code whole}, both in milliseconds; 0 before any time has passed. */
    static double share(double partMillis, long wholeMillis) {
        return wholeMillis <= 0 ? 0 : partMillis / wholeMillis;
    }

    private static MemoryReport.Collector collector(GarbageCollectorMXBean gc) {
        return new MemoryReport.Collector(gc.getName(), Math.max(0, gc.getCollectionCount()),
                Math.max(0, gc.getCollectionTime()));
    }
}
