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
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
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

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        if (args.count() == 0) {
            return report();
        }
        MemoryKind kind = args.oneOf(0, MemoryKind.class, "kind");
        return kind == MemoryKind.NATIVE ? NativeMemoryTracking.summary() : new MemoryAmount(kind.atom(),
                amount(report(), kind));
    }

    static MemoryReport report() {
        List<MemoryPoolMXBean> poolBeans = ManagementFactory.getMemoryPoolMXBeans();
        List<MemoryReport.Pool> pools = poolBeans.stream()
                .filter(MemoryPoolMXBean::isValid)
                .map(p -> new MemoryReport.Pool(p.getName(), p.getType() == MemoryType.HEAP ? "heap" : "non_heap",
                        usage(p.getUsage())))
                .toList();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long stackSize = stackSizeBytes();
        int threadCount = threads.getThreadCount();
        return new MemoryReport(
                ResidentSet.bytes(),
                usage(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()),
                usage(ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage()),
                sum(pools, "Metaspace"),
                sum(pools, "CodeHeap", "Code Cache"),
                pools,
                ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                        .map(b -> new MemoryReport.BufferPool(b.getName(), b.getCount(), b.getMemoryUsed(),
                                b.getTotalCapacity()))
                        .toList(),
                new MemoryReport.Threads(threadCount, threads.getDaemonThreadCount(), threads.getPeakThreadCount(),
                        stackSize, stackSize * threadCount),
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(Memory::collector)
                        .toList());
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
        return report.buffers().stream().filter(b -> b.name().equals(name)).mapToLong(MemoryReport.BufferPool::used).sum();
    }

    private static MemoryReport.Collector collector(GarbageCollectorMXBean gc) {
        return new MemoryReport.Collector(gc.getName(), Math.max(0, gc.getCollectionCount()),
                Math.max(0, gc.getCollectionTime()));
    }

    /** Adds up the pools whose names start with any prefix; null when there are none. */
    private static Usage sum(List<MemoryReport.Pool> pools, String... prefixes) {
        List<Usage> matching = pools.stream()
                .filter(p -> List.of(prefixes).stream().anyMatch(p.name()::startsWith))
                .map(MemoryReport.Pool::usage)
                .toList();
        if (matching.isEmpty()) {
            return null;
        }
        boolean bounded = matching.stream().allMatch(u -> u.max() != null);
        return new Usage(matching.stream().mapToLong(Usage::used).sum(),
                matching.stream().mapToLong(Usage::committed).sum(),
                bounded ? matching.stream().mapToLong(Usage::max).sum() : null);
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
