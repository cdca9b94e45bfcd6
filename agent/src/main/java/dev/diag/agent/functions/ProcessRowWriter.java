package dev.diag.agent.functions;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes one {@code i()} row straight into a chunk's JSON: the fields and order data binding
 * gives a {@link dev.diag.protocol.result.ProcessRow} ({@code pid, name, state, heapBytes,
 * cpuNanos, msgs?, currentFunction?, daemon, virtual}, the null ones left out), with no row
 * object, no tree and no string per row: the current function's short name ({@code
 * ArrayBlockingQueue.put}) is put together in a reused char buffer. {@code ProcessRowWriterTest}
 * pins that the bytes equal the record's. One writer per call: not thread-safe.
 */
final class ProcessRowWriter {
    /** {@code msgs} of a thread that serves no mailbox: the field is left out. */
    static final int NO_MAILBOX = -1;

    private char[] function = new char[96];

    /** A platform thread's row; {@code frame} null leaves the current function out. */
    void platform(JsonGenerator json, long pid, String name, String state, long heapBytes, long cpuNanos, int msgs,
            StackTraceElement frame, boolean daemon) throws IOException {
        start(json, pid, name, state);
        json.writeNumberField("heapBytes", heapBytes);
        json.writeNumberField("cpuNanos", cpuNanos);
        if (msgs != NO_MAILBOX) {
            json.writeNumberField("msgs", msgs);
        }
        end(json, frame, daemon, false);
    }

    /** A virtual thread's row: no heap or CPU of its own (-1), no mailbox, always a daemon. */
    void virtual(JsonGenerator json, long pid, String name, String state, StackTraceElement frame) throws IOException {
        start(json, pid, name, state);
        json.writeNumberField("heapBytes", -1L);
        json.writeNumberField("cpuNanos", -1L);
        end(json, frame, true, true);
    }

    private static void start(JsonGenerator json, long pid, String name, String state) throws IOException {
        json.writeStartObject();
        json.writeNumberField("pid", pid);
        if (name != null) {
            json.writeStringField("name", name);
        }
        if (state != null) {
            json.writeStringField("state", state);
        }
    }

    private void end(JsonGenerator json, StackTraceElement frame, boolean daemon, boolean virtual) throws IOException {
        if (frame != null) {
            json.writeFieldName("currentFunction");
            writeShortName(json, frame);
        }
        json.writeBooleanField("daemon", daemon);
        json.writeBooleanField("virtual", virtual);
        json.writeEndObject();
    }

    /** {@code TopFrames.shortName(frame)}'s text, without making the string. */
    private void writeShortName(JsonGenerator json, StackTraceElement frame) throws IOException {
        String type = frame.getClassName();
        String method = frame.getMethodName();
        int from = type.lastIndexOf('.') + 1;
        int length = type.length() - from + 1 + method.length();
        if (length > function.length) {
            function = new char[Math.max(length, function.length * 2)];
        }
        type.getChars(from, type.length(), function, 0);
        function[type.length() - from] = '.';
        method.getChars(0, method.length(), function, type.length() - from + 1);
        json.writeString(function, 0, length);
    }
}
