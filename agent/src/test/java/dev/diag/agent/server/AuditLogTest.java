package dev.diag.agent.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.agent.functions.DiagFunction;
import dev.diag.agent.functions.Functions;
import dev.diag.protocol.function.Impact;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditLogTest {
    private static final DiagFunction HIGH = TestFunctions.function("heap_dump", 1, 1, Impact.high("test"), (a, c) -> null);
    private static final DiagFunction LOW = TestFunctions.function("memory", 0, 1, (a, c) -> null);
    private static final Caller ALICE = new Caller("alice", "10.0.0.7");

    @Test
    void writesOneLinePerHighImpactCallInAFileOnlyItsOwnerCanRead() throws Exception {
        try (TempAuditLog audit = new TempAuditLog()) {
            audit.log().record(HIGH, List.of(TextNode.valueOf("/tmp/x.hprof")), ALICE,
                    Instant.parse("2026-12-07T04:31:07.412Z"), "ok");
            audit.log().record(LOW, List.of(), ALICE, Instant.now(), "ok");

            List<String> lines = audit.lines();
            assertEquals(1, lines.size(), lines::toString);
            assertTrue(lines.get(0).startsWith("2026-12-07T04:31:07.412Z alice@10.0.0.7 orders ok "), lines.get(0));
            assertTrue(lines.get(0).endsWith("ms heap_dump(\"/tmp/x.hprof\")"), lines.get(0));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(audit.file())));
        }
    }

    @Test
    void auditsEveryJcmdWhateverItsDeclaredCost() throws Exception {
        Functions functions = Functions.all();
        try (TempAuditLog audit = new TempAuditLog()) {
            audit.log().record(functions.find("jcmd"), List.of(TextNode.valueOf("VM.flags")), ALICE, Instant.now(), "ok");
            audit.log().record(functions.find("memory"), List.of(), ALICE, Instant.now(), "ok");

            List<String> lines = audit.lines();
            assertEquals(1, lines.size(), lines::toString);
            assertTrue(lines.get(0).endsWith("ms jcmd(\"VM.flags\")"), lines.get(0));
        }
    }

    @Test
    void auditsEveryLoggerChangeWhateverItsDeclaredCost() throws Exception {
        Functions functions = Functions.all();
        try (TempAuditLog audit = new TempAuditLog()) {
            audit.log().record(functions.find("logger:set_level"), List.of(TextNode.valueOf("shop"),
                    TextNode.valueOf("debug")), ALICE, Instant.now(), "ok");
            audit.log().record(functions.find("logger:reset"), List.of(), ALICE, Instant.now(), "ok");
            audit.log().record(functions.find("logger"), List.of(), ALICE, Instant.now(), "ok");

            List<String> lines = audit.lines();
            assertEquals(2, lines.size(), lines::toString);
            assertTrue(lines.get(0).endsWith("ms logger:set_level(\"shop\", \"debug\")"), lines.get(0));
            assertTrue(lines.get(1).endsWith("ms logger:reset()"), lines.get(1));
        }
    }

    @Test
    void auditsEveryFlightRecordingCallWhateverItsDeclaredCost() throws Exception {
        Functions functions = Functions.all();
        try (TempAuditLog audit = new TempAuditLog()) {
            audit.log().record(functions.find("jfr:start"), List.of(), ALICE, Instant.now(), "ok");
            audit.log().record(functions.find("jfr:dump"), List.of(TextNode.valueOf("/tmp/a.jfr")), ALICE, Instant.now(),
                    "ok");
            audit.log().record(functions.find("jfr:stop"), List.of(), ALICE, Instant.now(), "ok");

            List<String> lines = audit.lines();
            assertEquals(3, lines.size(), lines::toString);
            assertTrue(lines.get(1).endsWith("ms jfr:dump(\"/tmp/a.jfr\")"), lines.get(1));
        }
    }

    @Test
    void movesTheLogToAuditLog1WhenTheNextLineWouldPassTheCap() throws Exception {
        try (TempAuditLog audit = new TempAuditLog(1_000)) {
            for (int i = 0; i < 30; i++) {
                audit.log().record(HIGH, List.of(IntNode.valueOf(i)), ALICE, Instant.now(), "ok");
            }
            long size = Files.size(audit.file());
            java.nio.file.Path rotated = audit.file().resolveSibling("audit.log.1");
            assertTrue(size <= 1_000, "audit.log has " + size + " bytes");
            assertTrue(Files.size(rotated) <= 1_000, "audit.log.1 has " + Files.size(rotated) + " bytes");
            assertTrue(audit.lines().get(audit.lines().size() - 1).endsWith("heap_dump(29)"), audit.lines().toString());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rotated)));
        }
    }

    @Test
    void writesTheTimeAlwaysToTheMillisecond() throws Exception {
        try (TempAuditLog audit = new TempAuditLog()) {
            audit.log().record(HIGH, List.of(), ALICE, Instant.parse("2026-12-07T04:31:07Z"), "ok");
            assertTrue(audit.lines().get(0).startsWith("2026-12-07T04:31:07.000Z "), audit.lines().toString());
        }
    }

    @Test
    void cutsALongCallAndSaysHowMuchWasLeftOut() {
        String written = AuditLog.written("load_binary", List.<JsonNode>of(TextNode.valueOf("A".repeat(5_000))));
        assertTrue(written.length() < AuditLog.MAX_CALL_CHARS + 40, written);
        assertTrue(written.endsWith("… (" + (5_000 + 2 + "load_binary()".length() - AuditLog.MAX_CALL_CHARS)
                + " more characters)"), written);
    }

    @Test
    void aLogItCannotWriteCostsTheCallNothingAndSaysSoOnceAMinute() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (TempAuditLog audit = new TempAuditLog()) {
            Files.createDirectory(audit.file()); // a directory where the log should be: every write fails
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (int i = 0; i < 5; i++) {
                audit.log().record(HIGH, List.of(IntNode.valueOf(i)), ALICE, Instant.now(), "ok");
            }
        } finally {
            System.setErr(stderr);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("diag: cannot write the audit log "), lines.get(0));
    }

    @Test
    void neverWritesThroughALinkInPlaceOfTheLog() throws Exception {
        PrintStream stderr = System.err;
        try (TempAuditLog audit = new TempAuditLog()) {
            java.nio.file.Path elsewhere = audit.file().resolveSibling("elsewhere");
            Files.writeString(elsewhere, "");
            Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-------"));
            Files.createSymbolicLink(audit.file(), elsewhere);
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            audit.log().record(HIGH, List.of(IntNode.valueOf(1)), ALICE, Instant.now(), "ok");
            assertEquals("", Files.readString(elsewhere));
        } finally {
            System.setErr(stderr);
        }
    }

    @Test
    void refusesToAppendToALogOthersCouldRewrite() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (TempAuditLog audit = new TempAuditLog()) {
            Files.writeString(audit.file(), "planted\n");
            Files.setPosixFilePermissions(audit.file(), PosixFilePermissions.fromString("rw-rw-rw-"));
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            audit.log().record(HIGH, List.of(IntNode.valueOf(1)), ALICE, Instant.now(), "ok");
            assertEquals(List.of("planted"), audit.lines());
        } finally {
            System.setErr(stderr);
        }
        String line = captured.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.contains("is writable by others (mode 0666): run chmod 600 "), line);
    }
}
