package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.Schedulers;
import dev.diag.protocol.result.ShutdownHook;
import dev.diag.protocol.result.ShutdownState;
import dev.diag.protocol.result.ThreadCount;
import dev.diag.protocol.result.VirtualProcessCount;
import dev.diag.protocol.result.ThreadLimits;
import dev.diag.protocol.result.Uptime;
import dev.diag.protocol.result.VersionInfo;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Renders {@code system_info(Item)}: each item's record as labelled figures with what they mean.
 * Strings the node reports verbatim (versions, vendors) are printed in double quotes, as Erlang
 * prints strings. No I/O.
 */
public final class SystemInfoView {
    private SystemInfoView() {
    }

    /** Picks the view by the result's {@code item}, as the node names it. */
    public static List<String> render(JsonNode result, int width) throws IOException {
        String item = result.path("item").asText();
        return switch (item) {
            case ThreadCount.ITEM -> render(RecordReader.read(result, ThreadCount.class), width);
            case VirtualProcessCount.ITEM -> render(RecordReader.read(result, VirtualProcessCount.class), width);
            case ThreadLimits.ITEM -> ThreadLimitsView.render(RecordReader.read(result, ThreadLimits.class), width);
            case Schedulers.ITEM -> render(RecordReader.read(result, Schedulers.class), width);
            case VersionInfo.ITEM -> render(RecordReader.read(result, VersionInfo.class), width);
            case "uptime" -> render(RecordReader.read(result, Uptime.class), width);
            case ShutdownState.ITEM -> render(RecordReader.read(result, ShutdownState.class), width);
            default -> throw new IOException("no view for system_info item '" + item + "'");
        };
    }

    public static List<String> render(ThreadCount count, int width) {
        Facts facts = new Facts();
        if (count.virtual() != null) {
            facts.add("processes", Units.count(count.processes()), "every live thread, platform and virtual");
        }
        facts.add(count.virtual() == null ? "live threads" : "platform threads", Units.count(count.live()),
                        (count.virtual() == null ? "platform threads, " : "") + Units.count(count.daemon())
                                + " of them daemon")
                .add("peak", Units.count(count.peak()), "most platform threads live at once since the JVM started")
                .add("started", Units.count(count.started()), "platform threads since the JVM started, ended ones included");
        if (count.virtual() != null) {
            facts.add("virtual threads", Units.count(count.virtual()), "system_info(virtual_process_count), groups()");
        }
        return withNote(facts.render(width), count.note());
    }

    public static List<String> render(VirtualProcessCount count, int width) {
        Facts facts = new Facts();
        if (count.virtual() != null) {
            facts.add("virtual threads", Units.count(count.virtual()),
                    "counted by the JDK's thread containers" + (count.listable() ? "; groups() shows what they do" : ""));
        }
        facts.add("platform threads", Units.count(count.platform()), "system_info(process_count)");
        return withNote(facts.render(width), count.note());
    }

    public static List<String> render(Schedulers schedulers, int width) {
        return new Facts()
                .add("available processors", Units.count(schedulers.availableProcessors()),
                        "what the JVM was given, container CPU limits included")
                .add("common pool parallelism", Units.count(schedulers.commonPoolParallelism()),
                        "most workers of ForkJoinPool.commonPool(): parallel streams, CompletableFuture")
                .add("common pool threads", Units.count(schedulers.commonPoolThreads()), "started now")
                .render(width);
    }

    public static List<String> render(VersionInfo version, int width) {
        return Facts.ofText()
                .add("java", quoted(version.javaVersion()) + ", feature release " + version.feature(), "")
                .add("java vendor", quoted(version.javaVendor()), "")
                .add("vm", quoted(version.vmName()), "")
                .add("vm version", quoted(version.vmVersion()), "")
                .add("vm vendor", quoted(version.vmVendor()), "")
                .add("agent", quoted(version.agentVersion()), "")
                .render(width);
    }

    /** system_info(uptime) and statistics(wall_clock): the same figures under the node's item name. */
    public static List<String> render(Uptime uptime, int width) {
        String started = Instant.ofEpochMilli(uptime.startMillis()).truncatedTo(ChronoUnit.SECONDS).toString();
        return new Facts()
                .add(uptime.item().replace('_', ' '), Units.duration(uptime.uptimeMillis()),
                        Units.count(uptime.uptimeMillis()) + " ms, since " + started)
                .render(width);
    }

    /**
     * system_info(shutdown): in shutdown or not, since when and who started it, then one line per
     * hook thread (the registered ones before shutdown, those still running during it).
     *
     * <pre>
     * shutdown            in progress  for 12.3 s, since 2026-12-07T02:10:00Z, begun by &lt;12&gt; SIGTERM handler
     * hooks still running  1
     *   &lt;31&gt; log4j-shutdown  TIMED_WAITING  Thread.sleep
     * </pre>
     */
    public static List<String> render(ShutdownState state, int width) {
        Facts facts = Facts.ofText();
        if (!state.inShutdown()) {
            facts.add("shutdown", "no", "the JVM runs; its shutdown hooks wait for it to exit");
        } else {
            String since = state.sinceMillis() == null ? "since before the agent started"
                    : "for " + Units.duration(Math.max(0, System.currentTimeMillis() - state.sinceMillis())) + ", since "
                            + Instant.ofEpochMilli(state.sinceMillis()).truncatedTo(ChronoUnit.SECONDS);
            String by = state.exitedBy() == null ? "" : ", begun by <" + state.exitedBy().pid() + "> "
                    + state.exitedBy().name();
            facts.add("shutdown", "in progress", since + by + "; the JVM halts when the last hook ends");
        }
        facts.add(state.inShutdown() ? "hooks still running" : "hooks registered", Units.count(state.hooks().size()),
                state.hooks().isEmpty() ? "" : state.inShutdown() ? "process_info(Pid, backtrace) shows what one waits for" : "");
        List<String> lines = new java.util.ArrayList<>(facts.render(width));
        if (!state.hooks().isEmpty()) {
            Table table = Table.of(List.of(Table.Align.LEFT, Table.Align.LEFT, Table.Align.LEFT, Table.Align.LEFT),
                    "PID", "NAME", "STATE", "CURRENT FUNCTION");
            for (ShutdownHook hook : state.hooks()) {
                table.row(hook.pid() == 0 ? "-" : "<" + hook.pid() + ">", ThreadNames.column(hook.name(), 40, width),
                        hook.state(), hook.currentFunction() == null ? "" : hook.currentFunction());
            }
            table.render(Math.max(20, width - 2)).forEach(line -> lines.add("  " + line));
        }
        return withNote(lines, state.note());
    }

    /** The facts, then the node's note (what it left out) on a line of its own, where there is one. */
    static List<String> withNote(List<String> lines, String note) {
        if (note == null) {
            return lines;
        }
        List<String> all = new java.util.ArrayList<>(lines);
        all.add("note: " + note);
        return all;
    }

    /** As Erlang prints a string; also marks text that differs from JVM to JVM. */
    private static String quoted(String text) {
        return text == null ? "?" : "\"" + text + "\"";
    }
}
