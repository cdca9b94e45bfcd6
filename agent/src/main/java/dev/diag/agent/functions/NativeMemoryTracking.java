package dev.diag.agent.functions;

import dev.diag.agent.probe.DiagnosticCommands;
import dev.diag.agent.probe.NativeMemoryText;
import dev.diag.protocol.result.NativeMemory;

/**
 * {@code memory(native)}: VM.native_memory summary, which the JVM answers from counters it keeps
 * when started with -XX:NativeMemoryTracking (a short safepoint, no heap walk). Without the flag
 * there is nothing to read, and the flag cannot be set on a running JVM: the error says how to
 * start it.
 */
final class NativeMemoryTracking {
    static final String OFF = "Native Memory Tracking is off on this node; it can only be switched on at start: "
            + "start the JVM with -XX:NativeMemoryTracking=summary (costs about 5-10% in speed and some memory)";

    private NativeMemoryTracking() {
    }

    static NativeMemory summary() throws FunctionException {
        String text;
        try {
            text = DiagnosticCommands.run("vmNativeMemory", "summary");
        } catch (UnsupportedOperationException e) {
            throw FunctionException.failed(e.getMessage());
        }
        try {
            return NativeMemoryText.parse(text).orElseThrow(() -> FunctionException.failed(OFF));
        } catch (IllegalArgumentException e) {
            throw FunctionException.failed("could not read the Native Memory Tracking summary this JVM printed: "
                    + e.getMessage() + "; jcmd PID VM.native_memory summary shows it as text");
        }
    }
}
