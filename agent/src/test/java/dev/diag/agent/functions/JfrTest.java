package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.protocol.result.HeapDumpSummary;
import dev.diag.protocol.result.JfrRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jfr:start, jfr:dump and jfr:stop on the JVM running the tests: diag's one recording, in process. */
class JfrTest {
    private final dev.diag.agent.functions.FlightRecorder recorder = new dev.diag.agent.functions.FlightRecorder();

    @TempDir
    Path dir;

    @AfterEach
    void closeTheRecording() {
        recorder.close();
    }

    @Test
    void startsDumpsAReadableFileAndStopsLeavingNoRecording() throws Exception {
        JfrRecording started = (JfrRecording) new JfrStart(recorder).call(args(), OneShotContext.INSTANCE);
        assertEquals("default", started.settings());
        assertEquals("RUNNING", started.state());
        assertTrue(diagsRecordingRuns());

        Path file = dir.resolve("test.jfr");
        HeapDumpSummary dumped = (HeapDumpSummary) new JfrDump(recorder).call(args(file.toString()),
                OneShotContext.INSTANCE);
        assertTrue(dumped.finished());
        assertEquals(Files.size(file), dumped.bytes());
        assertFalse(RecordingFile.readAllEvents(file).isEmpty(), "the JDK reads the events back");

        JfrRecording stopped = (JfrRecording) new JfrStop(recorder).call(args(), OneShotContext.INSTANCE);
        assertEquals("CLOSED", stopped.state());
        assertFalse(diagsRecordingRuns());
    }

    @Test
    void refusesASecondRecordingAndUnknownSettings() throws Exception {
        FunctionException settings = assertThrows(FunctionException.class,
                () -> new JfrStart(recorder).call(args("profil"), OneShotContext.INSTANCE));
        assertTrue(settings.getMessage().startsWith("the JDK has no flight recorder settings called profil; nearest: "
                + "profile; use one of "), settings.getMessage());
        FunctionException file = assertThrows(FunctionException.class,
                () -> new JfrStart(recorder).call(args("/tmp/my.jfc"), OneShotContext.INSTANCE));
        assertTrue(file.getMessage().endsWith("(a settings file on the node's host is not taken)"), file.getMessage());

        new JfrStart(recorder).call(args("profile"), OneShotContext.INSTANCE);
        FunctionException second = assertThrows(FunctionException.class,
                () -> new JfrStart(recorder).call(args(), OneShotContext.INSTANCE));
        assertTrue(second.getMessage().startsWith("diag's flight recording is already running (profile settings"),
                second.getMessage());
    }

    @Test
    void refusesToDumpOrStopWithoutARecordingAndAPathItWouldNotWrite() throws Exception {
        String none = "diag has no flight recording running; jfr:start(default) starts one";
        assertEquals(none, assertThrows(FunctionException.class,
                () -> new JfrDump(recorder).call(args(dir.resolve("a.jfr").toString()), OneShotContext.INSTANCE))
                .getMessage());
        assertEquals(none, assertThrows(FunctionException.class,
                () -> new JfrStop(recorder).call(args(), OneShotContext.INSTANCE)).getMessage());

        new JfrStart(recorder).call(args(), OneShotContext.INSTANCE);
        Files.createFile(dir.resolve("taken.jfr"));
        assertRefused(dir.resolve("taken.jfr").toString(), "already exists on the node; jfr:dump never overwrites a file");
        assertRefused(dir.resolve("dump.hprof").toString(), "a flight recording's file ends in .jfr");
        assertRefused("relative.jfr", "jfr:dump needs an absolute path");
        Files.createSymbolicLink(dir.resolve("link.jfr"), dir.resolve("elsewhere.jfr"));
        assertRefused(dir.resolve("link.jfr").toString(), "already exists on the node");
    }

    private void assertRefused(String path, String expected) {
        FunctionException e = assertThrows(FunctionException.class,
                () -> new JfrDump(recorder).call(args(path), OneShotContext.INSTANCE), path);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static boolean diagsRecordingRuns() {
        return FlightRecorder.getFlightRecorder().getRecordings().stream()
                .anyMatch(r -> r.getName().equals("diag") && r.getState() == jdk.jfr.RecordingState.RUNNING);
    }

    private static Args args(String... values) {
        return new Args("jfr", Arrays.stream(values).map(v -> (JsonNode) TextNode.valueOf(v)).toList());
    }
}
