package dev.diag.protocol.result;

import java.util.List;

/**
 * How a trace ended: what it traced, the calls it showed, the calls it dropped (its buffer was
 * full: the app was never made to wait), why it ended ({@code count}, {@code time}, {@code cancelled},
 * {@code stopped} by trace:stop(), {@code unloaded}), the classes it hooked and whether each
 * one's class file is byte for byte what it was before the trace ({@code restored}); notes say
 * what could not be done (a class the JVM would not retransform).
 */
public record TraceSummary(String target, long shown, long dropped, String ended, int classes,
        boolean restored, List<String> notes) {
}
