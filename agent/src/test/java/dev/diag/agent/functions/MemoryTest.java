package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.protocol.function.Impact;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.result.MemoryAmount;
import dev.diag.protocol.result.MemoryKind;
import dev.diag.protocol.result.MemoryReport;
import dev.diag.protocol.result.MemoryReport.Usage;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MemoryTest {
    private static final CallContext CONTEXT = OneShotContext.INSTANCE;

    private final Memory memory = new Memory();

    @Test
    void isListedAsMemoryTakingZeroOrOneArgumentsAtLowImpact() {
        assertSame(Memory.class, Functions.all().find("memory").getClass());
        assertEquals(0, memory.minArity());
        assertEquals(1, memory.maxArity());
        assertEquals(Impact.Level.LOW, memory.impact().level());
    }

    @Test
    void reportsSaneHeapFigures() {
        Usage heap = Memory.report().heap();
        assertTrue(heap.used() > 0, heap.toString());
        assertTrue(heap.used() <= heap.committed(), heap.toString());
        assertTrue(heap.max() == null || heap.committed() <= heap.max(), heap.toString());
    }

    @Test
    void reportsEveryPoolWithAType() {
        MemoryReport report = Memory.report();
        assertFalse(report.pools().isEmpty());
        for (MemoryReport.Pool pool : report.pools()) {
            assertTrue(Set.of("heap", "non_heap").contains(pool.type()), pool.toString());
            assertTrue(pool.usage().used() >= 0 && pool.usage().used() <= pool.usage().committed(), pool.toString());
        }
        Set<String> types = report.pools().stream().map(MemoryReport.Pool::type).collect(Collectors.toSet());
        assertEquals(Set.of("heap", "non_heap"), types);
    }

    @Test
    void sumsMetaspaceAndCodeCacheFromTheirPools() {
        MemoryReport report = Memory.report();
        assertNotNull(report.metaspace(), "HotSpot has a Metaspace pool");
        assertTrue(report.metaspace().used() > 0);
        long metaspacePools = report.pools().stream().filter(p -> p.name().startsWith("Metaspace"))
                .mapToLong(p -> p.usage().used()).sum();
        assertEquals(metaspacePools, report.metaspace().used());
        assertNotNull(report.codeCache(), "HotSpot has code cache pools");
        assertTrue(report.codeCache().used() > 0);
    }

    @Test
    void estimatesStacksAsThreadCountTimesStackSize() {
        MemoryReport.Threads threads = Memory.report().threads();
        assertTrue(threads.count() > 0);
        assertTrue(threads.peak() >= threads.count(), threads.toString());
        assertTrue(threads.stackSizeBytes() > 0);
        assertEquals(threads.count() * threads.stackSizeBytes(), threads.stackEstimateBytes());
    }

    @Test
    void reportsDirectAndMappedBufferPoolsAndTheCollectors() {
        MemoryReport report = Memory.report();
        Set<String> buffers = report.buffers().stream().map(MemoryReport.BufferPool::name).collect(Collectors.toSet());
        assertTrue(buffers.containsAll(Set.of("direct", "mapped")), buffers.toString());
        assertFalse(report.collectors().isEmpty());
        report.collectors().forEach(c -> assertTrue(c.count() >= 0 && c.timeMillis() >= 0, c.toString()));
    }

    @Test
    void reportsTheResidentSetWhereThereIsProc() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "no /proc/self/status here to read the resident set from");
        Long resident = Memory.report().residentBytes();
        assertNotNull(resident);
        assertTrue(resident > 0, resident.toString());
    }

    @Test
    void returnsTheWholeReportWithoutArguments() throws Exception {
        assertInstanceOf(MemoryReport.class, memory.call(args(), CONTEXT));
    }

    @ParameterizedTest
    @EnumSource(value = MemoryKind.class, names = "NATIVE", mode = EnumSource.Mode.EXCLUDE)
    void answersEveryKindButNativeWithOneFigureInBytes(MemoryKind kind) throws Exception {
        MemoryAmount amount = (MemoryAmount) memory.call(args(TextNode.valueOf(kind.atom())), CONTEXT);
        assertEquals(kind.atom(), amount.kind());
        assertTrue(amount.bytes() >= 0, amount.toString());
        if (kind != MemoryKind.DIRECT && kind != MemoryKind.MAPPED) {
            assertTrue(amount.bytes() > 0, "a running JVM has some " + kind + ": " + amount);
        }
    }

    @Test
    void nativeWithoutTrackingSaysHowToStartTheJvm() {
        FunctionException e = assertThrows(FunctionException.class,
                () -> memory.call(args(TextNode.valueOf("native")), CONTEXT)); // the test JVM runs without NMT
        assertEquals(CallError.FAILED, e.toError().code());
        assertEquals(NativeMemoryTracking.OFF, e.getMessage());
        assertTrue(e.getMessage().contains("-XX:NativeMemoryTracking=summary"), e.getMessage());
    }

    @Test
    void refusesAnUnknownKindListingTheKinds() {
        FunctionException e = assertThrows(FunctionException.class,
                () -> memory.call(args(TextNode.valueOf("nonsense")), CONTEXT));
        CallError error = e.toError();
        assertEquals(CallError.BAD_ARGUMENT, error.code());
        assertTrue(error.message().contains("nonsense"), error.message());
        assertTrue(error.message().contains(MemoryKind.atoms()), error.message());
    }

    @Test
    void refusesAKindThatIsNotAnAtom() {
        FunctionException e = assertThrows(FunctionException.class, () -> memory.call(args(IntNode.valueOf(1)), CONTEXT));
        assertEquals(CallError.BAD_ARGUMENT, e.toError().code());
        assertTrue(e.getMessage().contains("must be an atom"), e.getMessage());
    }

    @Test
    void picksEachKindsFigureFromTheReport() {
        MemoryReport report = report(5_000L);
        assertEquals(5_000, Memory.amount(report, MemoryKind.TOTAL));
        assertEquals(100, Memory.amount(report, MemoryKind.HEAP));
        assertEquals(30, Memory.amount(report, MemoryKind.NON_HEAP));
        assertEquals(10, Memory.amount(report, MemoryKind.METASPACE));
        assertEquals(20, Memory.amount(report, MemoryKind.CODE_CACHE));
        assertEquals(7, Memory.amount(report, MemoryKind.DIRECT));
        assertEquals(3, Memory.amount(report, MemoryKind.MAPPED));
        assertEquals(4 * 1024 * 1024, Memory.amount(report, MemoryKind.STACKS));
    }

    @Test
    void oneFigureReadsOnlyThePartsOfTheReportItNeeds() {
        MemoryReport heap = Memory.reportFor(MemoryKind.HEAP);
        assertTrue(heap.heap().used() > 0, heap.toString());
        assertEquals(null, heap.residentBytes());
        assertTrue(heap.pools().isEmpty() && heap.buffers().isEmpty() && heap.collectors().isEmpty(), heap.toString());
        assertEquals(0, heap.threads().count());

        MemoryReport buffers = Memory.reportFor(MemoryKind.DIRECT);
        assertTrue(buffers.buffers().stream().anyMatch(b -> b.name().equals("direct")), buffers.toString());
        assertTrue(buffers.pools().isEmpty(), buffers.toString());
    }

    @Test
    void aFigureReadAloneIsTheWholeReportsWhereTheFigureStandsStill() {
        // the stack size flag and the pools' maxima do not move between two reads
        assertEquals(Memory.report().threads().stackSizeBytes(), Memory.reportFor(MemoryKind.STACKS).threads().stackSizeBytes());
        // metaspace has no max (null in both): its pools' names stand still instead
        assertEquals(names(Memory.report().pools()), names(Memory.reportFor(MemoryKind.METASPACE).pools()));
        assertNotNull(Memory.reportFor(MemoryKind.METASPACE).metaspace());
        assertEquals(Memory.report().codeCache().max(), Memory.reportFor(MemoryKind.CODE_CACHE).codeCache().max());
    }

    @Test
    void everyKindReadAloneGetsAFigure() {
        ByteBuffer direct = ByteBuffer.allocateDirect(4096); // so that this JVM has a direct buffer to count
        for (MemoryKind kind : MemoryKind.values()) {
            if (kind == MemoryKind.NATIVE) {
                continue; // a summary, not one figure
            }
            long figure = Memory.amount(Memory.reportFor(kind), kind);
            if (kind == MemoryKind.MAPPED) {
                assertTrue(figure >= 0, kind + ": " + figure); // no file is mapped here
            } else {
                assertTrue(figure > 0, kind + ": " + figure);
            }
        }
        assertEquals(4096, direct.capacity());
    }

    @Test
    void totalReadAloneFallsBackToCommittedHeapAndNonHeapWhereTheOsSaysNothing() {
        MemoryReport total = Memory.reportFor(MemoryKind.TOTAL);
        MemoryReport noProc = new MemoryReport(null, total.heap(), total.nonHeap(), total.metaspace(),
                total.codeCache(), total.pools(), total.buffers(), total.threads(), total.collectors());
        long fallback = Memory.amount(noProc, MemoryKind.TOTAL);
        assertTrue(total.heap().committed() > 0 && total.nonHeap().committed() > 0, total.toString());
        assertEquals(total.heap().committed() + total.nonHeap().committed(), fallback);
    }

    @Test
    void fallsBackToCommittedHeapAndNonHeapForTotalWhereTheOsSaysNothing() {
        assertEquals(200 + 40, Memory.amount(report(null), MemoryKind.TOTAL));
    }

    @Test
    void answersZeroForAreasThisJvmDoesNotHave() {
        MemoryReport bare = new MemoryReport(null, new Usage(1, 2, null), new Usage(3, 4, null), null, null,
                List.of(), List.of(), new MemoryReport.Threads(1, 0, 1, 1024, 1024), List.of());
        assertEquals(0, Memory.amount(bare, MemoryKind.METASPACE));
        assertEquals(0, Memory.amount(bare, MemoryKind.CODE_CACHE));
        assertEquals(0, Memory.amount(bare, MemoryKind.DIRECT));
        assertEquals(0, Memory.amount(bare, MemoryKind.MAPPED));
    }

    private static MemoryReport report(Long resident) {
        return new MemoryReport(resident, new Usage(100, 200, 400L), new Usage(30, 40, null), new Usage(10, 12, null),
                new Usage(20, 24, 240L), List.of(),
                List.of(new MemoryReport.BufferPool("direct", 2, 7, 8), new MemoryReport.BufferPool("mapped", 1, 3, 3)),
                new MemoryReport.Threads(4, 2, 5, 1024 * 1024, 4 * 1024 * 1024), List.of());
    }

    private static List<String> names(List<MemoryReport.Pool> pools) {
        return pools.stream().map(MemoryReport.Pool::name).filter(name -> name.startsWith("Metaspace")).toList();
    }

    private static Args args(JsonNode... values) {
        return new Args("memory", List.of(values));
    }
}
