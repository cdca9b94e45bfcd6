package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.Backtrace;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A backtraces() row written straight from its JSON is the text the shell printed before, when
 * each row was read into a Backtrace record and laid out by BacktraceView: for rows with monitors
 * held in two frames, a blocked thread and its lock's holder, mailbox waiters (bounded, unbounded,
 * from an agent that gave no figures), held synchronizers, odd frames and long names, at a
 * terminal's width, a narrow one, and a pipe's (not cut).
 */
class BacktraceTextTest {
    private static final int PIPE = Integer.MAX_VALUE / 2;

    private static final String HOLDER = """
            {"pid":21,"name":"holder \\"quoted\\" é 日本","state":"TIMED_WAITING","frames":[
             {"className":"java.lang.Thread","method":"sleep","line":-2,"nativeMethod":true,"lockedMonitors":[]},
             {"className":"dev.diag.demo.Holder","method":"inner","file":"Holder.java","line":41,"nativeMethod":false,
              "lockedMonitors":[{"className":"java.lang.Object","identityHashCode":439075357}]},
             {"className":"dev.diag.demo.Holder","method":"outer","file":"Holder.java","line":-1,"nativeMethod":false,
              "lockedMonitors":[{"className":"dev.diag.demo.Session","identityHashCode":1},
                                {"className":"java.lang.Object","identityHashCode":2147483647}]},
             {"className":"dev.diag.demo.Holder$$Lambda/0x0000000800c0b000","method":"run","nativeMethod":false,
              "line":-1,"lockedMonitors":[]}]}""";
    private static final String BLOCKED = """
            {"pid":22,"name":"blocked","state":"BLOCKED","frames":[
             {"className":"dev.diag.demo.Blocked","method":"run","file":"Blocked.java","line":7,"nativeMethod":false,
              "lockedMonitors":[]}],
             "waitingOn":{"className":"java.lang.Object","identityHashCode":439075357},
             "waitingOnOwner":{"pid":21,"name":"holder"}}""";
    private static final String PRODUCER = """
            {"pid":23,"name":"producer","state":"WAITING","frames":[
             {"className":"java.util.concurrent.ArrayBlockingQueue","method":"put","file":"ArrayBlockingQueue.java",
              "line":370,"nativeMethod":false,"lockedMonitors":[]}],
             "waitingOn":{"className":"java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject",
              "identityHashCode":-1},
             "waitsForMailbox":"bounded","mailboxOwners":[{"pid":14,"name":"bounded-1"},{"pid":15}],
             "mailboxSize":1000,"mailboxCapacity":1000}""";
    private static final String IDLE_WORKER = """
            {"pid":24,"name":"unbounded-1","state":"WAITING","frames":[],
             "waitingOn":{"className":"java.util.concurrent.locks.ReentrantLock$NonfairSync","identityHashCode":5},
             "waitingOnOwner":{"pid":25},
             "waitsForMailbox":"unbounded","mailboxOwners":[{"pid":24,"name":"unbounded-1"}],"mailboxSize":12000}""";
    private static final String OLDER_AGENT = """
            {"pid":26,"state":"WAITING","frames":[{"className":"a.B","method":"c","file":"B.java","line":1,
             "nativeMethod":false}],"waitsForMailbox":"jobs","mailboxOwners":[],"lockedSynchronizers":[]}""";
    private static final String SYNCHRONIZERS = """
            {"pid":27,"name":"%s","state":"RUNNABLE","frames":[],"lockedSynchronizers":[
             {"className":"java.util.concurrent.locks.ReentrantLock$NonfairSync","identityHashCode":77},
             {"className":"java.util.concurrent.locks.ReentrantReadWriteLock$NonfairSync","identityHashCode":78}]}"""
            .formatted("x".repeat(300));

    @Test
    void writesEachRowAsItsRecordWasLaidOut() throws Exception {
        for (String row : List.of(HOLDER, BLOCKED, PRODUCER, IDLE_WORKER, OLDER_AGENT, SYNCHRONIZERS)) {
            for (int width : List.of(120, 20, 5, 47, PIPE)) {
                JsonNode json = Json.mapper().readTree(row);
                assertEquals(viaRecord(json, width), BacktraceText.render(json, width), row + " at width " + width);
            }
        }
    }

    @Test
    void aNarrowTerminalCutsLinesAndAPipeDoesNot() throws Exception {
        JsonNode json = Json.mapper().readTree(SYNCHRONIZERS);
        assertTrue(BacktraceText.render(json, 40).lines().allMatch(line -> line.length() <= 40));
        assertTrue(BacktraceText.render(json, PIPE).contains("x".repeat(300) + "\" RUNNABLE"));
    }

    @Test
    void aRowWithoutItsPidOrWithAFieldOfTheWrongTypeFailsAsTheRecordsReadingDid() throws Exception {
        for (String row : List.of("{\"name\":\"n\",\"state\":\"NEW\",\"frames\":[]}",
                "{\"pid\":1,\"name\":7,\"state\":\"NEW\",\"frames\":[]}",
                "{\"pid\":1,\"state\":\"NEW\",\"frames\":[{\"className\":\"a.B\",\"method\":\"c\",\"nativeMethod\":false}]}",
                "{\"pid\":1,\"state\":\"NEW\",\"frames\":{}}")) {
            JsonNode json = Json.mapper().readTree(row);
            assertThrows(IOException.class, () -> RecordReader.read(json, Backtrace.class), row);
            assertThrows(IOException.class, () -> BacktraceText.render(json, 80), row);
        }
    }

    /** What BacktracesView printed for a row before: its record, laid out by BacktraceView. */
    private static String viaRecord(JsonNode row, int width) throws IOException {
        return String.join(System.lineSeparator(), BacktraceView.render(RecordReader.read(row, Backtrace.class), width))
                + System.lineSeparator();
    }
}
