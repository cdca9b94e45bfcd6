package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.message.Json;
import dev.diag.protocol.result.ProcessRef;
import dev.diag.protocol.result.Schedulers;
import dev.diag.protocol.result.ShutdownHook;
import dev.diag.protocol.result.ShutdownState;
import dev.diag.protocol.result.ThreadCount;
import dev.diag.protocol.result.Uptime;
import dev.diag.protocol.result.VirtualProcessCount;
import dev.diag.protocol.result.VersionInfo;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemInfoViewTest {
    private static final ThreadCount COUNT = new ThreadCount(4812, 4790, 4900, 120_345, null, null);

    @Test
    void aJvmInShutdownSaysSinceWhenWhoBeganItAndTheHooksStillRunning() throws IOException {
        ShutdownState state = new ShutdownState(true, System.currentTimeMillis() - 12_000, new ProcessRef(12, "SIGTERM handler"),
                List.of(new ShutdownHook(31, "log4j-shutdown", "TIMED_WAITING", "Thread.sleep")), null);

        List<String> lines = SystemInfoView.render(Json.mapper().valueToTree(state), 160);

        assertTrue(lines.get(0).startsWith("shutdown") && lines.get(0).contains("in progress")
                && lines.get(0).contains("begun by <12> SIGTERM handler"), lines.toString());
        assertTrue(lines.get(1).startsWith("hooks still running  1"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches(" +<31> +log4j-shutdown +TIMED_WAITING +Thread\\.sleep")),
                lines.toString());
    }

    @Test
    void aRunningJvmListsItsRegisteredHooksAndWhatCouldNotBeSeen() {
        List<String> lines = SystemInfoView.render(new ShutdownState(false, null, null,
                List.of(new ShutdownHook(0, "flush-on-exit", "NEW", null)), "the table is not open"), 120);

        assertTrue(lines.get(0).matches("shutdown +no .*"), lines.toString());
        assertTrue(lines.get(1).startsWith("hooks registered"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches(" +- +flush-on-exit +NEW")), lines.toString());
        assertEquals("note: the table is not open", lines.get(lines.size() - 1));
    }

    @Test
    void showsTheLiveThreadsWithTheirDaemonsPeakAndStarts() {
        assertEquals(List.of(
                "live threads    4,812  platform threads, 4,790 of them daemon",
                "peak            4,900  most platform threads live at once since the JVM started",
                "started       120,345  platform threads since the JVM started, ended ones included"),
                SystemInfoView.render(COUNT, 100));
    }

    @Test
    void saysPlainlyWhatTheCountLeavesOut() {
        ThreadCount modern = new ThreadCount(23, 18, 24, 31, null, "virtual threads are not counted: closed");
        List<String> lines = SystemInfoView.render(modern, 100);
        assertEquals(4, lines.size(), lines.toString());
        assertEquals("note: virtual threads are not counted: closed", lines.get(3));
    }

    @Test
    void countsVirtualThreadsAmongTheProcessesWhenTheNodeHasThem() {
        List<String> lines = SystemInfoView.render(new ThreadCount(23, 18, 24, 31, 1_000_000L, null), 100);
        assertEquals("processes         1,000,023  every live thread, platform and virtual", lines.get(0));
        assertEquals("platform threads         23  18 of them daemon", lines.get(1));
        assertEquals("virtual threads   1,000,000  system_info(virtual_process_count), groups()", lines.get(4));
    }

    @Test
    void saysWhenVirtualThreadsAreCountedButCannotBeListed() {
        List<String> lines = SystemInfoView.render(new VirtualProcessCount(500_000L, 12, false, "started directly: not listed"), 100);
        assertEquals(List.of(
                "virtual threads   500,000  counted by the JDK's thread containers",
                "platform threads       12  system_info(process_count)",
                "note: started directly: not listed"), lines);
    }

    @Test
    void showsTheProcessorsAndTheCommonPool() {
        assertEquals(List.of(
                "available processors     8  what the JVM was given, container CPU limits included",
                "common pool parallelism  7  most workers of ForkJoinPool.commonPool(): parallel streams, CompletableFuture",
                "common pool threads      0  started now"), SystemInfoView.render(new Schedulers(8, 7, 0), 200));
    }

    @Test
    void quotesTheVersionStringsAsErlangPrintsStrings() {
        VersionInfo version = new VersionInfo("17.0.15", "Debian", 17, "OpenJDK 64-Bit Server VM", "Debian",
                "17.0.15+6-Debian-1deb12u1", "0.1.0-SNAPSHOT");
        assertEquals(List.of(
                "java         \"17.0.15\", feature release 17",
                "java vendor  \"Debian\"",
                "vm           \"OpenJDK 64-Bit Server VM\"",
                "vm version   \"17.0.15+6-Debian-1deb12u1\"",
                "vm vendor    \"Debian\"",
                "agent        \"0.1.0-SNAPSHOT\""), SystemInfoView.render(version, 100));
    }

    @Test
    void showsTheUptimeInHumanUnitsAndMillisecondsWithTheStartInUtc() {
        // 2023-11-14T22:13:20.500Z
        Uptime uptime = new Uptime("uptime", 3 * 3_600_000 + 12 * 60_000 + 5_250, 1_700_000_000_500L);
        assertEquals(List.of("uptime  3 h 12 min  11,525,250 ms, since 2023-11-14T22:13:20Z"),
                SystemInfoView.render(uptime, 100));
    }

    @Test
    void picksTheViewByTheItemTheNodeNamed() throws Exception {
        assertEquals(SystemInfoView.render(COUNT, 100), SystemInfoView.render(Json.mapper().valueToTree(COUNT), 100));
        Schedulers schedulers = new Schedulers(2, 1, 0);
        assertEquals(SystemInfoView.render(schedulers, 100),
                SystemInfoView.render(Json.mapper().valueToTree(schedulers), 100));
    }

    @Test
    void refusesAnItemItHasNoViewFor() {
        IOException e = assertThrows(IOException.class,
                () -> SystemInfoView.render(Json.mapper().readTree("{\"item\":\"port_count\",\"count\":3}"), 100));
        assertEquals("no view for system_info item 'port_count'", e.getMessage());
    }
}
