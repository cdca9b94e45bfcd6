package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.it.fixture.HandshakeFlood;
import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.cookie.CookieFile;
import dev.diag.shell.client.DiagClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A wrong-cookie flood from raw socket clients, on another address (127.0.0.2) or the real user's
 * own, costs the target a bounded share of a core, and a real client on 127.0.0.1 still gets in
 * within a second, on the JDKs targets run. Before the limits the same flood kept the agent's I/O
 * thread at 83-100% of a core.
 */
class HandshakeFloodIT {
    private static final int FLOOD_THREADS = 4;
    private static final long FLOOD_MILLIS = 8_000;
    /** The issue asks for 10%; the margin is for JIT compilation and a loaded build machine. */
    private static final double MAX_CPU_SHARE = 0.15;
    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux build we run on

    @Test
    void aWrongCookieFloodCostsAJdk17TargetABoundedShareOfACoreAndARealCallStillAnswers() throws Exception {
        floodAndCall(Jdks.current(), "127.0.0.2");
    }

    @Test
    void aWrongCookieFloodCostsAModernJdkTargetABoundedShareOfACoreAndARealCallStillAnswers() throws Exception {
        floodAndCall(Jdks.requireModern(), "127.0.0.2");
    }

    /** A local attacker: the flood comes from the real user's own address, whose turn comes all the same. */
    @Test
    void aFloodFromTheRealUsersOwnAddressStillLetsTheRealCallInWithinASecond() throws Exception {
        floodAndCall(Jdks.current(), "127.0.0.1");
    }

    private static void floodAndCall(Path java, String floodSource) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(java, home, "flooded", "", Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.IdleTarget")) {
            InetSocketAddress node = new InetSocketAddress("127.0.0.1", ConnectionLimitsIT.port(home, "flooded"));
            Cookie cookie = CookieFile.load(home.path().resolve("cookie"));
            realCall(node, cookie); // the first call loads the classes every later one uses

            CompletableFuture<HandshakeFlood.Tally> flood = CompletableFuture.supplyAsync(() -> {
                try {
                    return HandshakeFlood.run(node, InetAddress.getByName(floodSource), FLOOD_THREADS, FLOOD_MILLIS);
                } catch (InterruptedException | IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1_500); // past the bursts the buckets allow
            long ticks = cpuTicks(target);
            long start = System.nanoTime();
            long slowest = 0;
            for (int i = 0; i < 5; i++) {
                slowest = Math.max(slowest, realCall(node, cookie));
                Thread.sleep(500);
            }
            DiagCli.Run run = ConnectionLimitsIT.call(home, "flooded");
            Thread.sleep(Math.max(0, 6_500 - (System.nanoTime() - start) / 1_000_000 - 1_500));
            double share = (double) (cpuTicks(target) - ticks) / CLOCK_TICKS_PER_SECOND
                    / ((System.nanoTime() - start) / 1e9);
            HandshakeFlood.Tally tally = flood.get(30, TimeUnit.SECONDS);

            // one address gets 10 handshakes a second after its burst of 20: about 100 in 8 s
            assertTrue(tally.attempts() >= 50, "the flood did not run: " + tally);
            assertEquals(0, run.exit(), run::toString);
            assertTrue(slowest <= 1_000, "a real call took " + slowest + " ms during the flood (" + tally + ")");
            assertTrue(share <= MAX_CPU_SHARE, String.format("the target spent %.0f%% of a core during the flood (%s)",
                    share * 100, tally));
            ConnectionLimitsIT.assertQuiet(target);
            long diagLines = target.output().lines().filter(l -> l.startsWith("diag: refused")).count();
            assertTrue(diagLines <= 1, "more than one refusal line within a minute:\n" + target.output());
        }
    }

    /** Connect, handshake and memory(heap) as the shell does, from 127.0.0.1: milliseconds taken. */
    private static long realCall(InetSocketAddress node, Cookie cookie) throws IOException {
        long start = System.nanoTime();
        try (DiagClient client = DiagClient.connect(node, cookie, 5_000)) {
            assertTrue(client.call("memory", List.of(TextNode.valueOf("heap")), 5_000).ok());
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** User and system time of the whole target process so far (fields 14 and 15 of /proc/PID/stat). */
    private static long cpuTicks(TargetJvm target) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(target.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
