package dev.diag.protocol.result;

import java.util.List;

/** One frame of a backtrace, with the monitors locked in that frame. {@code line} is negative when unknown. */
public record StackFrame(String className, String method, String file, int line, boolean nativeMethod,
        List<LockRef> lockedMonitors) {
}
