package dev.diag.agent.functions;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.diag.agent.probe.ResidentSet;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.MemoryAmount;
import dev.diag.protocol.result.MemoryKind;
import dev.diag.protocol.result.MemoryReport;
import dev.diag.protocol.result.MemoryReport.Usage;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code memory()} and {@code memory(Kind)}: the JVM's memory by area, from the platform MXBeans
 * and the resident set from /proc. Low impact: reads counters, no safepoint, no heap walk.
 * {@code memory(native)} is the Native Memory Tracking summary ({@link NativeMemoryTracking}).
 */
final class Memory extends FunctionBase {

    Memory() {
        super(Declaration.MEMORY);
    }
    private static final long DEFAULT_STACK_BYTES = 1024 * 1024;
    private static final String[] METASPACE = {"Metaspace"};
    private static final String[] CODE_CACHE = {"CodeHeap", "Code Cache"};
    /** Where {@link #reportFor} leaves a part unread. */
    private static final Usage NOT_READ = new Usage(0, 0, null);
    private static final MemoryReport.Threads NO_THREADS = new MemoryReport.Threads(0, 0, 0, 0, 0);

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        if (args.count() == 0) {
            return report();
        }
        MemoryKind kind = args.oneOf(0, MemoryKind.class, "kind");
        return kind == MemoryKind.NATIVE ? NativeMemoryTracking.summary() : new MemoryAmount(kind.atom(),
                amount(reportFor(kind), kind));
    }

    static MemoryReport report() {
        List<MemoryReport.Pool> pools = pools();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return new MemoryReport(ResidentSet.bytes(), usage(memory.getHeapMemoryUsage()),
                usage(memory.getNonHeapMemoryUsage()), sum(pools, METASPACE), sum(pools, CODE_CACHE), pools,
                buffers(), threads(), collectors());
    }

    /**
     * A report with only the parts {@link #amount} reads for {@code kind} filled in, the rest empty:
     * {@code memory(heap)} reads one MXBean, not the eight of the whole report (buffer pools, the
     * stack size flag, the collectors), and a fresh node's first call loads none of their classes.
     * Through {@link #amount}, so each kind's figure has one rule, the same as from the whole report.
     */
    static MemoryReport reportFor(MemoryKind kind) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        boolean total = kind == MemoryKind.TOTAL;
        List<MemoryReport.Pool> pools = kind == MemoryKind.METASPACE || kind == MemoryKind.CODE_CACHE ? pools() : List.of();
        return new MemoryReport(total ? ResidentSet.bytes() : null,
                total || kind == MemoryKind.HEAP ? usage(memory.getHeapMemoryUsage()) : NOT_READ,
                total || kind == MemoryKind.NON_HEAP ? usage(memory.getNonHeapMemoryUsage()) : NOT_READ,
                sum(pools, METASPACE), sum(pools, CODE_CACHE), pools,
                kind == MemoryKind.DIRECT || kind == MemoryKind.MAPPED ? buffers() : List.of(),
                kind == MemoryKind.STACKS ? threads() : NO_THREADS, List.of());
    }

    static long amount(MemoryReport report, MemoryKind kind) {
        return switch (kind) {
            case TOTAL -> report.residentBytes() != null ? report.residentBytes()
                    : report.heap().committed() + report.nonHeap().committed();
            case HEAP -> report.heap().used();
            case NON_HEAP -> report.nonHeap().used();
            case METASPACE -> report.metaspace() == null ? 0 : report.metaspace().used();
            case CODE_CACHE -> report.codeCache() == null ? 0 : report.codeCache().used();
            case DIRECT -> buffer(report, "direct");
            case MAPPED -> buffer(report, "mapped");
            case STACKS -> report.threads().stackEstimateBytes();
            case NATIVE -> throw new IllegalArgumentException("memory(native) is a summary, not one figure");
        };
    }

    private static long buffer(MemoryReport report, String name) {
        long used = 0;
        for (MemoryReport.BufferPool pool : report.buffers()) {
            if (pool.name().equals(name)) {
                used += pool.used();
            }
        }
        return used;
    }

    // Loops, not streams, here and below: each stream stage and lambda is linked on its first use,
    // and a fresh node's first call would pay for all of them (JDK 25 most).

    private static List<MemoryReport.Pool> pools() {
        List<MemoryReport.Pool> pools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.isValid()) {
                pools.add(new MemoryReport.Pool(pool.getName(), pool.getType() == MemoryType.HEAP ? "heap" : "non_heap",
                        usage(pool.getUsage())));
            }
        }
        return List.copyOf(pools);
    }

    private static List<MemoryReport.BufferPool> buffers() {
        List<MemoryReport.BufferPool> buffers = new ArrayList<>();
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            buffers.add(new MemoryReport.BufferPool(pool.getName(), pool.getCount(), pool.getMemoryUsed(),
                    pool.getTotalCapacity()));
        }
        return List.copyOf(buffers);
    }

    private static MemoryReport.Threads threads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long stackSize = stackSizeBytes();
        int threadCount = threads.getThreadCount();
        return new MemoryReport.Threads(threadCount, threads.getDaemonThreadCount(), threads.getPeakThreadCount(),
                stackSize, stackSize * threadCount);
    }

    private static List<MemoryReport.Collector> collectors() {
        List<MemoryReport.Collector> collectors = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collectors.add(new MemoryReport.Collector(gc.getName(), Math.max(0, gc.getCollectionCount()),
                    Math.max(0, gc.getCollectionTime())));
        }
        return List.copyOf(collectors);
    }

    /** Adds up the pools whose names start with any prefix; null when there are none. */
    private static Usage sum(List<MemoryReport.Pool> pools, String... prefixes) {
        long used = 0;
        long committed = 0;
        long max = 0;
        boolean bounded = true;
        boolean any = false;
        for (MemoryReport.Pool pool : pools) {
            if (startsWithAny(pool.name(), prefixes)) {
                any = true;
                used += pool.usage().used();
                committed += pool.usage().committed();
                if (pool.usage().max() == null) {
                    bounded = false;
                } else {
                    max += pool.usage().max();
                }
            }
        }
        return any ? new Usage(used, committed, bounded ? max : null) : null;
    }

    private static boolean startsWithAny(String name, String... prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static Usage usage(MemoryUsage u) {
        if (u == null) {
            return new Usage(0, 0, null);
        }
        return new Usage(u.getUsed(), u.getCommitted(), u.getMax() < 0 ? null : u.getMax());
    }

    private static long stackSizeBytes() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            long kib = Long.parseLong(hotspot.getVMOption("ThreadStackSize").getValue());
            return kib > 0 ? kib * 1024 : DEFAULT_STACK_BYTES;
        } catch (RuntimeException e) {
            return DEFAULT_STACK_BYTES; // not HotSpot, or the option is gone: assume the common default
        }
    }
}
