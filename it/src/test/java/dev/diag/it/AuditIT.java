package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit log of a real target: one line per HIGH-impact call, none for the others. */
class AuditIT {

    @Test
    void aHighImpactCallLeavesOneLineInTheTargetsAuditLogAndALowImpactCallNone() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run low = DiagCli.run(home, "--node", "orders", "--cmd", "memory(heap)", "--cmd", "processes()");
            assertEquals(0, low.exit(), low::toString);
            Path audit = home.path().resolve("audit.log");
            assertTrue(Files.notExists(audit), "LOW calls were audited");

            DiagCli.Run high = DiagCli.run(home, "--node", "orders", "--cmd", "garbage_collect()",
                    "--cmd", "heap_histogram(3)");
            assertEquals(0, high.exit(), high::toString);

            List<String> lines = awaitLines(audit, 2);
            String user = System.getProperty("user.name");
            assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z " + user + "@localhost orders ok \\d+ms "
                    + "garbage_collect\\(\\)"), lines.get(0));
            assertTrue(lines.get(1).endsWith(" " + user + "@localhost orders ok " + lines.get(1).split(" ")[4]
                    + " heap_histogram(3)"), lines.get(1));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(audit)));
        }
    }

    /** The line is written just after the answer: the shell may have printed it a moment before. */
    private static List<String> awaitLines(Path audit, int count) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (read(audit).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<String> lines = read(audit);
        assertEquals(count, lines.size(), lines::toString);
        return lines;
    }

    private static List<String> read(Path audit) throws java.io.IOException {
        return Files.exists(audit) ? Files.readAllLines(audit) : List.of();
    }
}
