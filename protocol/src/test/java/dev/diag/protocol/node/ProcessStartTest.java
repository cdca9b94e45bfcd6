package dev.diag.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessStartTest {

    @Test
    void readsTheStartTicksOfARunningProcess() {
        assumeTrue(ProcessStart.supported(), "no /proc here");
        assertTrue(ProcessStart.ticks(ProcessHandle.current().pid()).isPresent());
    }

    /** A JVM SIGKILLed by heart whose parent has not reaped it yet must not count as a live node. */
    @Test
    void aZombieIsNotRunning() throws Exception {
        assumeTrue(ProcessStart.supported(), "no /proc here");
        // sh starts a child that exits soon, then becomes sleep, which never reaps it: a zombie.
        // (The child outlives the exec: a child ending before it might still be reaped by sh.)
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.3 & echo $!; exec sleep 30").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII))) {
            long zombie = Long.parseLong(out.readLine().strip());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!state(zombie).equals("Z") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals("Z", state(zombie), "the child did not become a zombie");
            assertEquals(OptionalLong.empty(), ProcessStart.ticks(zombie));
            assertFalse(new NodeRecord("killed", zombie, "127.0.0.1", 4370, "17", 0, 1L).isAlive());
        } finally {
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String state(long pid) throws Exception {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return "gone";
        }
        String text = Files.readString(stat, StandardCharsets.US_ASCII);
        return text.substring(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
    }
}
