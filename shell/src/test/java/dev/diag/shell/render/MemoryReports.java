package dev.diag.shell.render;

import dev.diag.protocol.result.MemoryReport;
import dev.diag.protocol.result.MemoryReport.BufferPool;
import dev.diag.protocol.result.MemoryReport.Collector;
import dev.diag.protocol.result.MemoryReport.Pool;
import dev.diag.protocol.result.MemoryReport.Threads;
import dev.diag.protocol.result.MemoryReport.Usage;
import java.util.List;

/** A memory() report as a JDK 17 G1 node sends it, built by hand, and variations of it. */
final class MemoryReports {
    static final long MIB = 1024 * 1024;

    private MemoryReports() {
    }

    /** Pools deliberately interleaved (non-heap first) to show the view orders them. */
    static MemoryReport typical() {
        return new MemoryReport(
                700 * MIB,
                new Usage(100 * MIB, 256 * MIB, 1024 * MIB),
                new Usage(60 * MIB, 70 * MIB, null),
                new Usage(40 * MIB, 45 * MIB, null),
                new Usage(10 * MIB, 12 * MIB, 240 * MIB),
                List.of(
                        new Pool("CodeHeap 'non-nmethods'", "non_heap", new Usage(1 * MIB, 2 * MIB, 5 * MIB)),
                        new Pool("G1 Eden Space", "heap", new Usage(20 * MIB, 40 * MIB, null)),
                        new Pool("Metaspace", "non_heap", new Usage(40 * MIB, 45 * MIB, null)),
                        new Pool("G1 Old Gen", "heap", new Usage(80 * MIB, 216 * MIB, 1024 * MIB)),
                        new Pool("Compressed Class Space", "non_heap", new Usage(5 * MIB, 6 * MIB, 1024 * MIB))),
                List.of(
                        new BufferPool("mapped", 0, 0, 0),
                        new BufferPool("direct", 4, 4096, 4096),
                        new BufferPool("mapped - 'non-volatile memory'", 0, 0, 0)),
                new Threads(4812, 30, 4900, 1 * MIB, 4812 * MIB),
                List.of(
                        new Collector("G1 Young Generation", 12, 340),
                        new Collector("G1 Old Generation", 0, 0)));
    }

    static MemoryReport withResident(MemoryReport r, Long resident) {
        return new MemoryReport(resident, r.heap(), r.nonHeap(), r.metaspace(), r.codeCache(), r.pools(), r.buffers(),
                r.threads(), r.collectors());
    }

    static MemoryReport withBuffers(MemoryReport r, List<BufferPool> buffers) {
        return new MemoryReport(r.residentBytes(), r.heap(), r.nonHeap(), r.metaspace(), r.codeCache(), r.pools(), buffers,
                r.threads(), r.collectors());
    }
}
