package dev.diag.shell.render;

import dev.diag.protocol.node.NodeEntry;
import dev.diag.protocol.node.NodeList;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code nodes()}: the nodes of the answering node's host, as {@code bin/diag nodes}
 * prints the local ones, then the node's note on what it left out.
 *
 * <pre>
 * NODE         PID  ADDRESS          JVM        UPTIME
 * alpha@db1   8557  127.0.0.1:37737  17.0.15+6  3 h 12 min
 * </pre>
 *
 * A node that speaks TLS has "(TLS)" after its address, as its start-up line.
 */
public final class NodeListView {
    private NodeListView() {
    }

    public static List<String> render(NodeList list, int width) {
        List<String> lines = new ArrayList<>();
        if (list.nodes().isEmpty()) {
            lines.add("(no nodes registered on " + list.host() + ")");
        } else {
            Table table = Table.of(List.of(Table.Align.LEFT, Table.Align.RIGHT, Table.Align.LEFT, Table.Align.LEFT,
                    Table.Align.RIGHT), "NODE", "PID", "ADDRESS", "JVM", "UPTIME");
            for (NodeEntry node : list.nodes()) {
                table.row(node.name() + "@" + list.host(), Long.toString(node.pid()), address(node), node.jvm(),
                        Units.duration(node.uptimeMillis()));
            }
            lines.addAll(table.render(width));
        }
        if (list.note() != null && !list.note().isBlank()) {
            lines.addAll(Wrap.words(list.note(), Math.max(20, width)));
        }
        return lines;
    }

    private static String address(NodeEntry node) {
        return (node.bind().contains(":") ? "[" + node.bind() + "]" : node.bind()) + ":" + node.port()
                + (node.speaksTls() ? " (TLS)" : "");
    }
}
