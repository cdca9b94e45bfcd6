package dev.diag.protocol.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code nodes()}: the live nodes of one host's registry, sorted by name, as the agent that
 * answered reads them from its own {@code nodes/} directory. Bounded: at most {@value #MAX_NODES}
 * are sent and the note says how many were left out.
 *
 * <pre>
 * {"host":"db1","nodes":[{"name":"orders","pid":8557,"bind":"127.0.0.1","port":37737,
 *   "jvm":"17.0.15+6","startedAtMillis":1795294551690,"uptimeMillis":81234}]}
 * </pre>
 */
public record NodeList(String host, List<NodeEntry> nodes, String note) {
    public static final int MAX_NODES = 1_000;

    public NodeList {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** The listing of {@code live} records (sorted by name, as the registry returns them) on {@code host}. */
    public static NodeList of(String host, List<NodeRecord> live, long nowMillis) {
        List<NodeEntry> entries = new ArrayList<>(Math.min(live.size(), MAX_NODES));
        for (NodeRecord record : live.subList(0, Math.min(live.size(), MAX_NODES))) {
            entries.add(NodeEntry.of(record, nowMillis));
        }
        int cut = live.size() - entries.size();
        return new NodeList(host, entries, cut == 0 ? null
                : cut + " more nodes were left out (at most " + MAX_NODES + " are sent).");
    }

    public Optional<NodeEntry> find(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return nodes.stream().map(NodeEntry::name).toList();
    }
}
