package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.TraceCall;
import dev.diag.protocol.result.TraceSummary;
import dev.diag.shell.functions.StreamView;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code trace(...)}: one line per call as calls stream in, as recon_trace prints them (the time,
 * the pid, the thread, the call with its arguments, then what it returned or threw and how long it
 * took), the caller's frames under it when asked; then how the trace ended.
 *
 * <pre>
 * 12:04:05.123 &lt;31&gt; worker-1 shop.Pricing.quote("apple", 3) -&gt; 42 (12 µs)
 * 12:04:05.124 &lt;32&gt; worker-2 shop.Pricing.quote("pear", 0) !! java.lang.IllegalArgumentException: no quantity (3 µs)
 * 10 calls shown, none dropped; ended at its count; 1 class restored byte for byte
 * </pre>
 */
public final class TraceView implements StreamView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @Override
    public List<String> header(int width) {
        return List.of();
    }

    @Override
    public String row(JsonNode row, int width) throws Exception {
        TraceCall call = RecordReader.read(row, TraceCall.class);
        StringBuilder line = new StringBuilder()
                .append(LocalTime.ofInstant(Instant.ofEpochMilli(call.timeMillis()), ZoneId.systemDefault()).format(TIME))
                .append(" <").append(call.pid()).append("> ").append(call.thread()).append(' ')
                .append(call.className()).append('.').append(call.method())
                .append('(').append(String.join(", ", call.args() == null ? List.of() : call.args())).append(')')
                .append(call.exception() != null ? " !! " + call.exception() : " -> " + call.result())
                .append(" (").append(duration(call.durationNanos())).append(')');
        for (String frame : call.stack() == null ? List.<String>of() : call.stack()) {
            line.append(System.lineSeparator()).append("    at ").append(frame);
        }
        return line.toString();
    }

    @Override
    public List<String> footer(JsonNode summary, int width) throws Exception {
        TraceSummary done = RecordReader.read(summary, TraceSummary.class);
        List<String> lines = new ArrayList<>();
        String text = Units.count(done.shown()) + (done.shown() == 1 ? " call" : " calls") + " shown, "
                + (done.dropped() == 0 ? "none" : Units.count(done.dropped())) + " dropped"
                + (done.dropped() == 0 ? "" : " (the buffer was full: the app never waited)") + "; " + ended(done.ended())
                + "; " + (done.classes() == 0 ? "no class was hooked"
                        : done.classes() + (done.classes() == 1 ? " class " : " classes ")
                                + (done.restored() ? "restored byte for byte" : "NOT all restored: see below"));
        lines.addAll(Wrap.words(text, Math.max(20, width)));
        for (String note : done.notes() == null ? List.<String>of() : done.notes()) {
            lines.addAll(Wrap.words("note: " + note, Math.max(20, width)));
        }
        return lines;
    }

    private static String ended(String why) {
        return switch (why == null ? "" : why) {
            case "count" -> "ended at its count";
            case "time" -> "ended at its time limit";
            case "cancelled" -> "cancelled";
            case "stopped" -> "ended by trace:stop()";
            case "failed" -> "failed";
            default -> "ended (" + why + ")";
        };
    }

    static String duration(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return nanos / 1_000 + " µs";
        }
        if (nanos < 10_000_000_000L) {
            return String.format(java.util.Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return Units.millis(nanos / 1_000_000);
    }
}
