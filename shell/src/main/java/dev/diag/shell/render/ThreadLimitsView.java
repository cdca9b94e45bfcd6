package dev.diag.shell.render;

import dev.diag.protocol.result.ThreadLimits;
import dev.diag.protocol.result.ThreadLimits.Limit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code system_info(process_limit)}: one row per limit on thread creation with what is
 * in use and the room left, then the tightest. "(host)" limits count every thread on the host;
 * "(user)" ones every thread of the user, of which the node counts only its own, shown "≥ N".
 *
 * <pre>
 * LIMIT                        MAX  IN USE  HEADROOM
 * threads-max (host)       192,730     345   192,385
 * ulimit -u soft (user)     96,365    ≥ 23  ≤ 96,342
 * tightest: "ulimit -u soft", room for 96,342 more threads at most
 * </pre>
 */
public final class ThreadLimitsView {
    /** The row label of each limit, by the record's field name (which {@code tightest} uses). */
    private static final Map<String, String> NAMES = Map.of(
            "threadsMax", "threads-max", "pidMax", "pid_max", "nprocSoft", "ulimit -u soft",
            "nprocHard", "ulimit -u hard", "cgroupPids", "cgroup pids.max");

    private ThreadLimitsView() {
    }

    public static List<String> render(ThreadLimits limits, int width) {
        Table table = Table.ofFigures("LIMIT", "MAX", "IN USE", "HEADROOM");
        row(table, "threadsMax", " (host)", limits.threadsMax());
        row(table, "pidMax", " (host)", limits.pidMax());
        row(table, "nprocSoft", " (user)", limits.nprocSoft());
        row(table, "nprocHard", " (user)", limits.nprocHard());
        row(table, "cgroupPids", "", limits.cgroupPids());
        List<String> lines = new ArrayList<>(table.render(width));
        Limit tightest = limits.limit(limits.tightest());
        if (tightest == null || limits.headroom() == null) {
            lines.add("tightest: none known");
        } else {
            lines.add("tightest: \"" + NAMES.get(limits.tightest()) + "\", room for " + Units.count(limits.headroom())
                    + " more threads" + (tightest.usedIsLowerBound() ? " at most" : ""));
        }
        lines.add("this JVM: " + Units.count(limits.jvmThreads()) + " live threads"
                + (limits.hostThreads() == null ? "" : ", of " + Units.count(limits.hostThreads()) + " on the host"));
        if (limits.nprocSoft() != null && !limits.nprocSoft().enforced()) {
            lines.add("ulimit -u is not enforced: the JVM runs as root");
        }
        return lines;
    }

    private static void row(Table table, String field, String counts, Limit limit) {
        String name = NAMES.get(field) + counts;
        if (limit == null) {
            table.row(name, "unknown", "", "");
            return;
        }
        String used = limit.used() == null ? "?" : (limit.usedIsLowerBound() ? "≥ " : "") + Units.count(limit.used());
        String headroom = limit.headroom() == null ? "-"
                : (limit.usedIsLowerBound() ? "≤ " : "") + Units.count(limit.headroom());
        table.row(name, limit.max() == null ? "unlimited" : Units.count(limit.max()), used, headroom);
    }
}
