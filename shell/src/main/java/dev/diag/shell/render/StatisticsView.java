package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.CpuTime;
import dev.diag.protocol.result.GarbageCollection;
import dev.diag.protocol.result.MemoryReport;
import dev.diag.protocol.result.RunQueue;
import dev.diag.protocol.result.Uptime;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code statistics(Item)}: labelled figures with what each means; run_queue labels its
 * two figures (host load, this JVM's RUNNABLE threads) so neither is read as the other. No I/O.
 */
public final class StatisticsView {
    private StatisticsView() {
    }

    /** Picks the view by the result's {@code item}, as the node names it. */
    public static List<String> render(JsonNode result, int width) throws IOException {
        String item = result.path("item").asText();
        return switch (item) {
            case CpuTime.ITEM -> render(RecordReader.read(result, CpuTime.class), width);
            case "wall_clock" -> SystemInfoView.render(RecordReader.read(result, Uptime.class), width);
            case GarbageCollection.ITEM -> render(RecordReader.read(result, GarbageCollection.class), width);
            case RunQueue.ITEM -> render(RecordReader.read(result, RunQueue.class), width);
            default -> throw new IOException("no view for statistics item '" + item + "'");
        };
    }

    public static List<String> render(CpuTime cpu, int width) {
        Facts facts = new Facts();
        if (cpu.cpuNanos() == null) {
            facts.add("cpu time", "?", "this JVM cannot measure its process's CPU time");
        } else {
            facts.add("cpu time", Units.millis(cpu.cpuNanos() / 1_000_000), "all threads of the process, GC and JIT included");
        }
        facts.add("wall time", Units.millis(cpu.uptimeMillis()), "since the JVM started");
        if (cpu.shareOfWallTime() != null) {
            facts.add("average use", Units.percent(cpu.shareOfWallTime()), "of one processor; "
                    + Units.percent(cpu.shareOfWallTime() / Math.max(1, cpu.processors())) + " of all "
                    + Units.count(cpu.processors()));
        }
        return facts.render(width);
    }

    public static List<String> render(GarbageCollection gc, int width) {
        List<String> lines = new ArrayList<>(new Facts()
                .add("collections", Units.count(gc.collections()), "since the JVM started, all collectors")
                .add("time", Units.millis(gc.timeMillis()), Units.percent(gc.shareOfWallTime()) + " of the "
                        + Units.millis(gc.uptimeMillis()) + " since the JVM started")
                .render(width));
        lines.add("");
        Table collectors = Table.ofFigures("COLLECTOR", "COLLECTIONS", "TIME");
        for (MemoryReport.Collector collector : gc.collectors()) {
            collectors.row(collector.name(), Units.count(collector.count()), Units.millis(collector.timeMillis()));
        }
        lines.addAll(collectors.render(width));
        return lines;
    }

    public static List<String> render(RunQueue queue, int width) {
        Facts facts = new Facts()
                .add("load average", queue.loadAverage() == null ? "?" : twoDecimals(queue.loadAverage()),
                        "the whole host's, over 1 minute, with " + Units.count(queue.processors()) + " processors"
                                + (queue.loadAverage() == null ? " (this OS does not say)" : ""))
                .add("runnable threads", Units.count(queue.runnable()), "this JVM's threads RUNNABLE now, of "
                        + Units.count(queue.threads()) + " live:")
                .add("  in Java code", Units.count(queue.runnable() - queue.inNative() - queue.jvmService()),
                        "running or ready to run")
                .add("  in native code", Units.count(queue.inNative()),
                        "mostly waiting in native I/O (socket reads, epoll)")
                .add("  JVM service", Units.count(queue.jvmService()), "the JVM's own threads, RUNNABLE even when idle");
        return SystemInfoView.withNote(facts.render(width), queue.note());
    }

    /** Not String.format: its Formatter costs a one-shot call milliseconds to load. */
    private static String twoDecimals(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
