package dev.diag.agent.functions;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.Mailbox;
import java.io.IOException;
import java.lang.management.LockInfo;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;

/**
 * Writes one {@code backtraces()} row straight into a chunk's JSON from the thread's ThreadInfo:
 * the fields and order data binding gives a {@link dev.diag.protocol.result.Backtrace} ({@code
 * pid, name, state, frames, waitingOn?, waitingOnOwner?, waitsForMailbox?, mailboxOwners?,
 * lockedSynchronizers?, mailboxSize?, mailboxCapacity?}, the null ones left out), each frame a
 * {@link dev.diag.protocol.result.StackFrame}'s, with no Backtrace, StackFrame, LockRef, list or
 * tree per row or frame: at 10,000 threads these were most of what diag itself allocated for the
 * call. {@code BacktraceWriterTest} pins that the bytes equal the records'. Stateless.
 */
final class BacktraceWriter {

    private BacktraceWriter() {
    }

    /**
     * The row of {@code info}, taken with its locked monitors; {@code stack} is its stack (ThreadInfo
     * copies it each time it is asked, so the caller asks once), {@code waitedOn} the mailbox the
     * thread waits on or null, {@code threads} the live threads sorted by id (to name the
     * mailbox's owners), {@code synchronizers} the held java.util.concurrent locks or null where
     * they were not looked for.
     */
    static void write(JsonGenerator json, ThreadInfo info, StackTraceElement[] stack, Mailbox waitedOn,
            Thread[] threads, LockInfo[] synchronizers) throws IOException {
        write(json, info.getThreadId(), info.getThreadName(), info.getThreadState(), stack, info.getLockedMonitors(),
                info.getLockInfo(), info.getLockOwnerId(), info.getLockOwnerName(), waitedOn, threads, synchronizers);
    }

    /**
     * The row of a thread from its facts however they were taken (a ThreadInfo's, or a
     * ThreadSnapshot's on JDK 25): {@code monitors} the monitors held with their frames' depths,
     * {@code lock} the lock waited for or null, {@code ownerId} its holder's id or -1.
     */
    static void write(JsonGenerator json, long pid, String name, Thread.State state, StackTraceElement[] stack,
            MonitorInfo[] monitors, LockInfo lock, long ownerId, String ownerName, Mailbox waitedOn, Thread[] threads,
            LockInfo[] synchronizers) throws IOException {
        json.writeStartObject();
        json.writeNumberField("pid", pid);
        if (name != null) {
            json.writeStringField("name", name);
        }
        json.writeStringField("state", state.name());
        writeFrames(json, stack, monitors);
        if (lock != null) {
            json.writeFieldName("waitingOn");
            writeLock(json, lock);
        }
        if (ownerId >= 0) {
            json.writeFieldName("waitingOnOwner");
            writeProcess(json, ownerId, ownerName);
        }
        if (waitedOn != null) {
            json.writeStringField("waitsForMailbox", waitedOn.name());
            json.writeArrayFieldStart("mailboxOwners");
            for (int i = 0; i < waitedOn.ownerThreadIds().size(); i++) {
                long id = waitedOn.ownerThreadIds().get(i);
                Thread owner = LiveThreads.find(threads, id);
                writeProcess(json, id, owner == null ? null : owner.getName());
            }
            json.writeEndArray();
        }
        if (synchronizers != null) {
            json.writeArrayFieldStart("lockedSynchronizers");
            for (LockInfo held : synchronizers) {
                writeLock(json, held);
            }
            json.writeEndArray();
        }
        if (waitedOn != null) {
            json.writeNumberField("mailboxSize", waitedOn.size());
            if (waitedOn.capacity() != null) {
                json.writeNumberField("mailboxCapacity", waitedOn.capacity().intValue());
            }
        }
        json.writeEndObject();
    }

    /** Each frame with the monitors locked in it (a frame that holds none, nearly all, gets []). */
    private static void writeFrames(JsonGenerator json, StackTraceElement[] stack, MonitorInfo[] monitors)
            throws IOException {
        json.writeArrayFieldStart("frames");
        for (int depth = 0; depth < stack.length; depth++) {
            StackTraceElement frame = stack[depth];
            json.writeStartObject();
            if (frame.getClassName() != null) {
                json.writeStringField("className", frame.getClassName());
            }
            if (frame.getMethodName() != null) {
                json.writeStringField("method", frame.getMethodName());
            }
            if (frame.getFileName() != null) {
                json.writeStringField("file", frame.getFileName());
            }
            json.writeNumberField("line", frame.getLineNumber());
            json.writeBooleanField("nativeMethod", frame.isNativeMethod());
            json.writeArrayFieldStart("lockedMonitors");
            for (MonitorInfo monitor : monitors) {
                if (monitor.getLockedStackDepth() == depth) {
                    writeLock(json, monitor);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeLock(JsonGenerator json, LockInfo lock) throws IOException {
        json.writeStartObject();
        if (lock.getClassName() != null) {
            json.writeStringField("className", lock.getClassName());
        }
        json.writeNumberField("identityHashCode", lock.getIdentityHashCode());
        json.writeEndObject();
    }

    private static void writeProcess(JsonGenerator json, long pid, String name) throws IOException {
        json.writeStartObject();
        json.writeNumberField("pid", pid);
        if (name != null) {
            json.writeStringField("name", name);
        }
        json.writeEndObject();
    }
}
