package dev.diag.agent.functions;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.GarbageCollect;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code garbage_collect()}: an explicit full GC (System.gc, as jcmd GC.run), with every pool's
 * used bytes and every collector's count before and after. A JVM started with
 * -XX:+DisableExplicitGC ignores the request; the result says so instead of showing "0 B freed"
 * as if there had been nothing to free.
 */
final class GarbageCollectFunction extends FunctionBase {

    GarbageCollectFunction() {
        super(Declaration.GARBAGE_COLLECT);
    }

    @Override
    public Object call(Args args, CallContext context) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(MemoryPoolMXBean::isValid).toList();
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        long[] usedBefore = pools.stream().mapToLong(GarbageCollectFunction::used).toArray();
        long[] countBefore = collectors.stream().mapToLong(c -> Math.max(0, c.getCollectionCount())).toArray();
        long[] timeBefore = collectors.stream().mapToLong(c -> Math.max(0, c.getCollectionTime())).toArray();
        long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long start = System.nanoTime();
        ManagementFactory.getMemoryMXBean().gc();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        List<GarbageCollect.PoolChange> poolChanges = new ArrayList<>();
        for (int i = 0; i < pools.size(); i++) {
            MemoryPoolMXBean pool = pools.get(i);
            poolChanges.add(new GarbageCollect.PoolChange(pool.getName(),
                    pool.getType() == MemoryType.HEAP ? "heap" : "non_heap", usedBefore[i], used(pool)));
        }
        List<GarbageCollect.CollectorChange> collectorChanges = new ArrayList<>();
        boolean collected = false;
        for (int i = 0; i < collectors.size(); i++) {
            GarbageCollectorMXBean gc = collectors.get(i);
            long count = Math.max(0, gc.getCollectionCount());
            collected |= count > countBefore[i];
            collectorChanges.add(new GarbageCollect.CollectorChange(gc.getName(), countBefore[i], count, timeBefore[i],
                    Math.max(0, gc.getCollectionTime())));
        }
        return new GarbageCollect(poolChanges, collectorChanges, heapBefore, heapAfter, explicitGcDisabled(), collected,
                millis);
    }

    private static long used(MemoryPoolMXBean pool) {
        return pool.getUsage() == null ? 0 : pool.getUsage().getUsed();
    }

    static boolean explicitGcDisabled() {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("DisableExplicitGC").getValue());
        } catch (RuntimeException e) {
            return false; // not HotSpot: the collection counts alone tell
        }
    }
}
