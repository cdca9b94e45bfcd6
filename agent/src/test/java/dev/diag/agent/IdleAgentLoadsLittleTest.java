package dev.diag.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent that is started and never called loads only what every call needs: the functions
 * (and what only some of them share: code loading, tracing, the profiler, the flight recorder,
 * heart's watchdog, the heap functions) load on their first call, and Netty pools nothing. A
 * fresh JVM ({@link IdleAgentProcess}) starts the agent under -Xlog:class+load, so what is loaded
 * is what start-up loaded; making any of these eager again fails here. (What it costs in RSS is
 * measured by bench/footprint, not asserted.)
 */
class IdleAgentLoadsLittleTest {
    @TempDir
    static Path dir;
    /** Every class the child loaded, in order, up to the point where it began to stop the agent. */
    private static List<String> loaded;
    private static String output;

    @BeforeAll
    static void startAnAgentAndStopIt() throws Exception {
        Path log = dir.resolve("classes.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Netty is unshaded here, so its allocator property is the host's and the agent leaves it
        // alone (NettyPropertiesTest); the flag stands for the relocated one it sets in its jar
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xlog:class+load=info:file=" + log,
                "-Dio.netty.allocator.type=unpooled", "-cp", System.getProperty("java.class.path"), IdleAgentProcess.class.getName(),
                "name=idle,bind=127.0.0.1,home=" + dir.resolve("home"))
                .redirectErrorStream(true);
        builder.environment().put("DIAG_DIRECTORY_PORT", "0"); // no host directory: other nodes on this machine are not ours
        builder.environment().remove("DIAG_COOKIE_FILE");
        Process process = builder.start();
        output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        loaded = new ArrayList<>();
        Matcher m = Pattern.compile("\\] (\\S+) source:").matcher(Files.readString(log));
        while (m.find() && !m.group(1).equals(IdleAgentProcess.Stopping.class.getName())) {
            loaded.add(m.group(1));
        }
    }

    @Test
    void theAgentStartedAndItsStartWasLogged() {
        assertTrue(loaded.contains(DiagAgent.class.getName()), output);
        assertTrue(loaded.contains("dev.diag.agent.functions.Functions"), output);
    }

    @Test
    void noFunctionIsMadeUntilItIsCalled() {
        assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("dev.diag.agent.functions."))
                .filter(c -> !c.startsWith("dev.diag.agent.functions.Functions")
                        && !c.equals("dev.diag.agent.functions.DiagFunction"))
                .toList());
    }

    @Test
    void codeLoadingTracingProfilerAndHeartsWatchdogLoadOnFirstUse() {
        assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("dev.diag.agent.code.")
                || c.startsWith("dev.diag.agent.trace.") || c.startsWith("dev.diag.agent.profiler.")
                || c.startsWith("dev.diag.spy.") || c.startsWith("jdk.jfr.")
                || c.startsWith("dev.diag.agent.heart.") && !idleHeart(c)).toList());
    }

    /** What a node with heart off needs of heart: its options and the switched-off Heart. */
    private static boolean idleHeart(String name) {
        return List.of("Heart", "HeartOptions", "HeartException", "Restarts")
                .contains(name.substring("dev.diag.agent.heart.".length()));
    }

    @Test
    void nettyPoolsNothingNotEvenItsDefaultAllocator() {
        assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("io.netty.buffer.Pool")).toList());
        assertTrue(output.contains("DEFAULT_ALLOCATOR io.netty.buffer.UnpooledByteBufAllocator"), output);
    }

    /** The registry record the agent writes at start is a few fields: Jackson's streaming core writes it. */
    @Test
    void noJacksonDataBindingLoadsAtIdle() {
        assertTrue(loaded.stream().anyMatch(c -> c.contains(".jackson.core.")), output);
        assertEquals(List.of(), loaded.stream().filter(c -> c.contains(".jackson.databind.")).toList());
    }

    @Test
    void theAuditLogsTimeFormatIsMadeOnTheFirstAuditedCall() {
        assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("java.time.format.")).toList());
    }

    /** The I/O loop's task queues are the JDK's linked queue, not JCTools' chunked MPSC array queue (IoLoop). */
    @Test
    void theIoLoopQueuesTasksWithoutJcToolsChunkedQueues() {
        assertEquals(List.of(), loaded.stream().filter(c -> c.contains("MpscChunked") || c.contains("BaseMpscLinked")
                || c.contains("MpscUnbounded")).toList());
    }

    /** The I/O loop's queue and thread factories are small classes: no lambda is linked as the agent starts. */
    @Test
    void theIoLoopLinksNoLambdaAtStart() {
        assertTrue(loaded.contains("dev.diag.agent.server.IoLoop"), output);
        assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("dev.diag.agent.server.IoLoop$$Lambda")).toList());
    }

    /** Netty's loggers are one plain class (SilentLogger), not a proxy generated at start. */
    @Test
    void nettysLoggersAreAPlainClassNotAGeneratedProxy() {
        assertTrue(loaded.contains("dev.diag.agent.server.SilentLogger"), output);
        assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("dev.diag.agent.server.NettyLogging$")
                && c.contains("Lambda")).toList());
    }

    /** The fd limit comes from /proc/self/limits: the OS bean, which probes the container's cgroups, is not made. */
    @Test
    void theConnectionLimitIsReadWithoutTheOperatingSystemBean() {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/limits")));
        assertEquals(List.of(), loaded.stream().filter(c -> c.startsWith("jdk.internal.platform.")
                || c.endsWith(".OperatingSystemImpl")).toList());
    }

    @Test
    void theIdleAgentRunsOneThreadAndLeavesNoneWhenStopped() {
        assertTrue(output.contains("THREADS 1\n"), output);
        assertTrue(output.contains("LEFT 0\n"), output);
    }
}
