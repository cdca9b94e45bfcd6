package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * profile(Event, Seconds) by bin/diag against real target JVMs running the real async-profiler:
 * BusyTarget's "spinner" burns a core in BusyTarget.spin and its "allocator" allocates 50 MB a second
 * of byte[] in BusyTarget.allocate, so each profile has a known top. Each profiles for 1-2 s. One
 * target runs under a seccomp filter that refuses perf_event_open, as in most containers, to see the
 * timer fallback named in the answer.
 */
class ProfileIT {
    private static final String BUSY = "dev.diag.it.fixture.BusyTarget";

    @Test
    void theBusyMethodTopsACpuProfileAndItsAllocationsTopAnAllocProfileOnJdk17() throws Exception {
        profilesFindTheBusyMethods(Jdks.current());
    }

    @Test
    void theBusyMethodTopsACpuProfileAndItsAllocationsTopAnAllocProfileOnAModernJdk() throws Exception {
        profilesFindTheBusyMethods(Jdks.requireModern());
    }

    private static void profilesFindTheBusyMethods(Path java) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = busyTarget(java, home)) {
            Path html = home.path().resolve("cpu.html");
            DiagCli.Run cpu = DiagCli.run(home, "--node", "orders", "--out", html.toString(), "--cmd", "profile(cpu, 2)");

            assertEquals(0, cpu.exit(), cpu::toString);
            assertTrue(cpu.out().contains("SAMPLES   ELAPSED"), cpu::toString); // progress while it sampled
            assertTrue(firstRowAfter("TOP FRAME", cpu.out()).startsWith("dev.diag.it.fixture.BusyTarget.spin "),
                    cpu::toString);
            assertTrue(cpu.out().contains("Flame graph: " + html + " (open it in a browser)."), cpu::toString);
            String page = Files.readString(html);
            assertTrue(page.contains("BusyTarget.spin") && page.startsWith("<!DOCTYPE html>"), "no spin in " + html);
            assertFalse(page.contains("<script src") || page.contains("http://") || page.contains("https://"),
                    "the page must open without a network");

            DiagCli.Run alloc = DiagCli.run(home, "--node", "orders", "--out", home.path().toString(),
                    "--cmd", "profile(alloc, 2)");

            assertEquals(0, alloc.exit(), alloc::toString);
            assertTrue(firstRowAfter("TOP FRAME", alloc.out())
                    .startsWith("byte[] in dev.diag.it.fixture.BusyTarget.allocate "), alloc::toString);
            try (Stream<Path> files = Files.list(home.path())) { // --out a directory: a name of its own there
                assertTrue(files.anyMatch(f -> f.getFileName().toString().matches(
                        "diag-profile-orders.*-alloc-\\d{8}-\\d{6}\\.html")), alloc::toString);
            }
            assertEquals(List.of(), leftInTmp(home), "the native library's private directory outlived its load");
        }
    }

    @Test
    void whereSeccompRefusesPerfEventsCpuIsSampledWithATimerAndTheAnswerSaysSo() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = busyTarget(javaWithoutPerfEvents(home, Jdks.current()), home)) {
            DiagCli.Run cpu = DiagCli.run(home, "--node", "orders", "--out", home.path().toString(),
                    "--cmd", "profile(cpu, 1)");

            assertEquals(0, cpu.exit(), cpu::toString);
            assertTrue(cpu.out().contains("(ctimer, async-profiler "), cpu::toString);
            assertTrue(cpu.out().contains("Note: perf events are not allowed here"), cpu::toString);
            assertTrue(firstRowAfter("TOP FRAME", cpu.out()).startsWith("dev.diag.it.fixture.BusyTarget.spin "),
                    cpu::toString); // the timer's profile still finds the Java code
        }
    }

    @Test
    void refusesAnUnknownEventTooLongAWindowAndASecondProfileAtOnce() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = busyTarget(Jdks.current(), home)) {
            DiagCli.Run unknown = DiagCli.run(home, "--node", "orders", "--cmd", "profile(heap, 2)");
            assertEquals(1, unknown.exit(), unknown::toString);
            assertTrue(unknown.err().contains("unknown event 'heap'; use one of cpu, alloc, lock, wall"), unknown::toString);

            DiagCli.Run tooLong = DiagCli.run(home, "--node", "orders", "--cmd", "profile(cpu, 301)");
            assertEquals(1, tooLong.exit(), tooLong::toString);
            assertTrue(tooLong.err().contains("samples for 1 to 300 seconds, got 301"), tooLong::toString);

            DiagCli.Running first = DiagCli.start(home, null, "--node", "orders", "--out", home.path().toString(),
                    "--cmd", "profile(wall, 3)");
            awaitProgress(first);
            DiagCli.Run second = DiagCli.run(home, "--node", "orders", "--cmd", "profile(cpu, 1)");
            assertEquals(1, second.exit(), second::toString);
            assertTrue(second.err().contains("a profile is already running on this node"), second::toString);

            DiagCli.Run firstRun = first.finish();
            assertEquals(0, firstRun.exit(), firstRun::toString); // the first one was not disturbed
            assertTrue(firstRun.out().contains("wall profile, "), firstRun::toString);
        }
    }

    @Test
    void stopDuringAProfileStopsTheProfilerAndLeavesNoFile() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = busyTarget(Jdks.current(), home)) {
            DiagCli.Running profile = DiagCli.start(home, null, "--node", "orders", "--cmd", "profile(cpu, 60)");
            awaitProgress(profile);
            // where the kernel refuses perf events the profiler samples on a timer, and this check proves less
            System.out.println("perf_event descriptors while profiling: " + perfEventDescriptors(target.pid()));

            DiagCli.Run stop = DiagCli.run(home, "--node", "orders", "--cmd", "stop()");

            assertEquals(0, stop.exit(), stop::toString);
            DiagCli.Run ended = profile.finish(); // within seconds, not the 60 asked for
            assertTrue(ended.exit() != 0 || ended.out().contains("cancelled"), ended::toString);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (perfEventDescriptors(target.pid()) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, perfEventDescriptors(target.pid()), "async-profiler still samples after stop()");
            assertEquals(List.of(), leftInTmp(home));
            assertTrue(target.isAlive());
        }
    }

    private static TargetJvm busyTarget(Path java, DiagHomeDir home) throws Exception {
        Path tmp = Files.createDirectories(home.path().resolve("target-tmp"));
        return TargetJvm.start(java, home, "orders", "", List.of("-Djava.io.tmpdir=" + tmp),
                Repo.TEST_CLASSES.toString(), BUSY);
    }

    /**
     * A "java" that runs {@code java} under a seccomp filter refusing perf_event_open, as a container's
     * default profile does: it/src/test/c/no_perf_events.c, compiled here with the machine's C compiler.
     * It execs, so the target's pid is the launcher's.
     */
    private static Path javaWithoutPerfEvents(DiagHomeDir home, Path java) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "seccomp is Linux's");
        Path launcher = home.path().resolve("no_perf_events");
        Process cc;
        try {
            cc = new ProcessBuilder("cc", "-o", launcher.toString(),
                    Repo.ROOT.resolve("it/src/test/c/no_perf_events.c").toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no C compiler (cc) to build the seccomp launcher: " + e.getMessage());
            throw e;
        }
        String compiled = new String(cc.getInputStream().readAllBytes());
        assertEquals(0, cc.waitFor(), "cc failed: " + compiled);
        Path wrapper = home.path().resolve("java-without-perf-events");
        Files.writeString(wrapper, "#!/bin/sh\nexec '" + launcher + "' '" + java + "' \"$@\"\n");
        assertTrue(wrapper.toFile().setExecutable(true));
        return wrapper;
    }

    /** What the target left in its java.io.tmpdir: the library is extracted there and deleted once loaded. */
    private static List<String> leftInTmp(DiagHomeDir home) throws IOException {
        try (Stream<Path> files = Files.list(home.path().resolve("target-tmp"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("diag-profiler-")).toList();
        }
    }

    /** The target's open perf_event descriptors: async-profiler's cpu sampler holds one per thread while it samples. */
    private static int perfEventDescriptors(long pid) throws IOException {
        int count = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().contains("perf_event")) {
                        count++;
                    }
                } catch (IOException e) {
                    // closed while listed
                }
            }
        }
        return count;
    }

    private static void awaitProgress(DiagCli.Running running) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.readString(running.out()).contains("SAMPLES") && System.nanoTime() < deadline
                && running.process().isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(Files.readString(running.out()).contains("SAMPLES"), "no progress: " + Files.readString(running.err()));
    }

    private static String firstRowAfter(String header, String out) {
        List<String> lines = out.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith(header)) {
                return lines.get(i + 1);
            }
        }
        return "(no " + header + " table)";
    }
}
