package dev.diag.shell.render;

import dev.diag.protocol.result.ProcessInfo;
import java.util.ArrayList;
import java.util.List;

/** {@code process_info(Pid)} and {@code i(Pid)}: Erlang's items, one per line, values in human units. */
public final class ProcessInfoView {
    private ProcessInfoView() {
    }

    public static List<String> render(ProcessInfo info, int width) {
        List<String> lines = new ArrayList<>();
        item(lines, width, "pid", "<" + info.pid() + ">");
        item(lines, width, "name", info.name());
        item(lines, width, "registered_name", info.registeredName() == null ? "- (serves no mailbox diag knows)"
                : info.registeredName() + " (the mailbox it serves)");
        item(lines, width, "status", info.status());
        item(lines, width, "initial_call", info.initialCall());
        item(lines, width, "current_function", info.currentFunction());
        item(lines, width, "message_queue_len", info.messageQueueLen() == null ? "-" : Units.count(info.messageQueueLen()));
        item(lines, width, "memory", memory(info.memory()));
        item(lines, width, "reductions", reductions(info.reductions()));
        item(lines, width, "priority", Integer.toString(info.priority()));
        item(lines, width, "group_leader", info.groupLeader() + " (thread group)");
        item(lines, width, "daemon", Boolean.toString(info.daemon()));
        return lines;
    }

    /** Allocated bytes, or a dash where the JVM does not measure them (virtual threads, or switched off). */
    static String memory(long bytes) {
        return bytes < 0 ? "- (not measured)" : Units.bytes(bytes) + " allocated so far";
    }

    /** CPU time, or a dash where the JVM does not measure it. */
    static String reductions(long nanos) {
        return nanos < 0 ? "- (not measured)" : Units.millis(nanos / 1_000_000) + " of CPU";
    }

    static void item(List<String> lines, int width, String name, String value) {
        String label = String.format("%-18s ", name);
        List<String> wrapped = Wrap.words(value == null ? "-" : value, Math.max(20, width - label.length()));
        for (int i = 0; i < wrapped.size(); i++) {
            lines.add((i == 0 ? label : " ".repeat(label.length())) + wrapped.get(i));
        }
    }
}
