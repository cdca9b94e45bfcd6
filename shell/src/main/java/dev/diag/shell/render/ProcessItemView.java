package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.Backtrace;
import dev.diag.protocol.result.Links;
import dev.diag.protocol.result.ProcessRef;
import dev.diag.protocol.result.ProcessInfoItem;
import dev.diag.protocol.result.StackFrame;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** {@code process_info(Pid, Item)}: each item in the shape it has (see docs/functions/process_info.md). */
public final class ProcessItemView {
    private ProcessItemView() {
    }

    public static List<String> render(ProcessInfoItem item, int width) throws IOException {
        JsonNode value = item.value();
        List<String> lines = new ArrayList<>();
        switch (item.item()) {
            case "backtrace" -> lines.addAll(BacktraceView.render(RecordReader.read(value, Backtrace.class), width));
            case "links" -> lines.addAll(links(RecordReader.read(value, Links.class)));
            case "current_stacktrace" -> {
                for (JsonNode frame : value) {
                    lines.add("    at " + BacktraceView.frame(RecordReader.read(frame, StackFrame.class)));
                }
            }
            case "memory" -> ProcessInfoView.item(lines, width, item.item(), ProcessInfoView.memory(value.asLong()));
            case "reductions" -> ProcessInfoView.item(lines, width, item.item(), ProcessInfoView.reductions(value.asLong()));
            default -> ProcessInfoView.item(lines, width, item.item(), value == null || value.isNull() ? "-" : value.asText());
        }
        return lines;
    }

    private static String drainers(List<ProcessRef> owners) {
        return owners == null || owners.isEmpty() ? "no thread" : BacktraceView.refs(owners);
    }

    private static List<String> links(Links links) {
        List<String> lines = new ArrayList<>();
        if (links.waitingOn() == null) {
            lines.add("<" + links.pid() + "> waits for no lock");
        } else {
            lines.add("<" + links.pid() + "> waits for " + BacktraceView.lock(links.waitingOn())
                    + (links.owner() != null ? " held by " + BacktraceView.ref(links.owner())
                    : links.waitsForMailbox() != null ? ": the queue of mailbox " + links.waitsForMailbox()
                            + ", drained by " + drainers(links.mailboxOwners())
                    : ", which no thread owns"));
        }
        lines.add(links.waitingForMe().isEmpty() ? "no thread waits for a lock it holds"
                : "waiting for locks it holds: " + BacktraceView.refs(links.waitingForMe()));
        return lines;
    }
}
