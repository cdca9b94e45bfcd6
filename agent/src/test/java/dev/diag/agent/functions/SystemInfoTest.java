package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.protocol.function.Impact;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.result.Schedulers;
import dev.diag.protocol.result.SystemInfoItem;
import dev.diag.protocol.result.ThreadCount;
import dev.diag.protocol.result.ThreadLimits;
import dev.diag.protocol.result.Uptime;
import dev.diag.protocol.result.VersionInfo;
import dev.diag.protocol.result.VirtualProcessCount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SystemInfoTest {
    static final CallContext CONTEXT = OneShotContext.INSTANCE;

    private final SystemInfo systemInfo = new SystemInfo(dev.diag.agent.probe.JdkInternals.withoutInstrumentation());

    @Test
    void isListedAsSystemInfoTakingExactlyOneArgumentAtLowImpact() {
        assertSame(SystemInfo.class, Functions.all().find("system_info").getClass());
        assertEquals(1, systemInfo.minArity());
        assertEquals(1, systemInfo.maxArity());
        assertEquals(Impact.Level.LOW, systemInfo.impact().level());
        assertTrue(systemInfo.impact().description().contains("/proc"), systemInfo.impact().description());
    }

    @ParameterizedTest
    @EnumSource(SystemInfoItem.class)
    void answersEveryItemWithARecordNamingIt(SystemInfoItem item) throws Exception {
        Record result = (Record) systemInfo.call(args(item.atom()), CONTEXT);
        JsonNode json = dev.diag.protocol.message.Json.mapper().valueToTree(result);
        assertEquals(item.atom(), json.get("item").asText(), json.toString());
    }

    @Test
    void countsTheLiveThreadsIncludingThisOne() throws Exception {
        ThreadCount count = (ThreadCount) systemInfo.call(args("process_count"), CONTEXT);
        assertTrue(count.live() >= 1, count.toString());
        assertTrue(count.daemon() < count.live(), "this test's thread is not a daemon: " + count);
        assertTrue(count.peak() >= count.live(), count.toString());
        assertTrue(count.started() >= count.live(), count.toString());
        assertEquals(count.live() + (count.virtual() == null ? 0 : count.virtual()), count.processes(), count.toString());
    }

    @Test
    void saysAJdk17HasNoVirtualThreadsInsteadOfCountingThem() throws Exception {
        assumeTrue(Runtime.version().feature() < 21, "this JVM, JDK " + Runtime.version().feature() + ", has virtual threads");
        ThreadCount count = (ThreadCount) systemInfo.call(args("process_count"), CONTEXT);
        VirtualProcessCount virtual = (VirtualProcessCount) systemInfo.call(args("virtual_process_count"), CONTEXT);
        assertNull(count.virtual(), count.toString());
        assertNull(count.note(), count.toString());
        assertEquals(0L, virtual.virtual(), virtual.toString());
        assertTrue(virtual.note().contains("no virtual threads"), virtual.toString());
    }

    @Test
    void aJdk21WithoutTheAgentsInstrumentationSaysWhyItCannotCountVirtualThreads() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "JDK " + Runtime.version().feature() + " has no virtual threads");
        // the test JVM has no agent Instrumentation: the package stays closed, and the note says so
        ThreadCount count = (ThreadCount) systemInfo.call(args("process_count"), CONTEXT);
        assertNotNull(count.note(), count.toString());
    }

    @Test
    void reportsThisJvmsThreadsAmongTheLimits() throws Exception {
        ThreadLimits limits = (ThreadLimits) systemInfo.call(args("process_limit"), CONTEXT);
        assertTrue(limits.jvmThreads() >= 1, limits.toString());
    }

    @Test
    void reportsTheHostsThreadLimitsWhereThereIsProc() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/sys/kernel/threads-max")), "no /proc/sys/kernel/threads-max here");
        ThreadLimits limits = (ThreadLimits) systemInfo.call(args("process_limit"), CONTEXT);
        assertNotNull(limits.threadsMax(), limits.toString());
        assertNotNull(limits.pidMax(), limits.toString());
        assertNotNull(limits.nprocSoft(), limits.toString());
        assertTrue(limits.hostThreads() >= limits.jvmThreads(), limits.toString());
        assertNotNull(limits.tightest(), limits.toString());
        assertTrue(limits.headroom() >= 0, limits.toString());
    }

    @Test
    void reportsTheProcessorsAndTheCommonPool() throws Exception {
        Schedulers schedulers = (Schedulers) systemInfo.call(args("schedulers"), CONTEXT);
        assertEquals(Runtime.getRuntime().availableProcessors(), schedulers.availableProcessors());
        assertTrue(schedulers.commonPoolParallelism() >= 1, schedulers.toString());
        assertTrue(schedulers.commonPoolThreads() >= 0, schedulers.toString());
    }

    @Test
    void reportsTheJavaAndVmVersionsAndDevelopmentForAnAgentOutsideItsJar() throws Exception {
        VersionInfo version = (VersionInfo) systemInfo.call(args("version"), CONTEXT);
        assertEquals(System.getProperty("java.version"), version.javaVersion());
        assertEquals(Runtime.version().feature(), version.feature());
        assertNotNull(version.vmName());
        assertNotNull(version.vmVendor());
        assertNotNull(version.vmVersion());
        assertEquals("development", version.agentVersion(), "tests run the agent from its classes");
    }

    @Test
    void reportsTheUptimeAndAStartInThePast() throws Exception {
        Uptime uptime = (Uptime) systemInfo.call(args("uptime"), CONTEXT);
        assertEquals("uptime", uptime.item());
        assertTrue(uptime.uptimeMillis() > 0, uptime.toString());
        long now = System.currentTimeMillis();
        assertTrue(uptime.startMillis() <= now && uptime.startMillis() > now - 3_600_000, uptime.toString());
    }

    @Test
    void refusesAnUnknownItemListingTheItems() {
        FunctionException e = assertThrows(FunctionException.class, () -> systemInfo.call(args("port_count"), CONTEXT));
        CallError error = e.toError();
        assertEquals(CallError.BAD_ARGUMENT, error.code());
        assertEquals("unknown item 'port_count'; use one of process_count, virtual_process_count, process_limit, schedulers, version, uptime, shutdown",
                error.message());
    }

    @Test
    void refusesAnItemThatIsNotAnAtom() {
        FunctionException e = assertThrows(FunctionException.class,
                () -> systemInfo.call(new Args("system_info", List.of(IntNode.valueOf(1))), CONTEXT));
        assertEquals(CallError.BAD_ARGUMENT, e.toError().code());
        assertTrue(e.getMessage().contains("must be an atom"), e.getMessage());
    }

    static Args args(String atom) {
        return new Args("system_info", List.of(TextNode.valueOf(atom)));
    }
}
