package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.node.NodeEntry;
import dev.diag.protocol.node.NodeList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeListViewTest {

    @Test
    void showsEachNodeAsDiagNodesDoesWithTheHostsName() {
        NodeList list = new NodeList("db1", List.of(
                new NodeEntry("alpha", 8557, "127.0.0.1", 37737, "17.0.15+6", 0, 3_000, null),
                new NodeEntry("billing", 912, "::", 41000, "21.0.2+13", 0, 7_200_000, true)), null);

        assertEquals(List.of(
                "NODE          PID  ADDRESS           JVM           UPTIME",
                "alpha@db1    8557  127.0.0.1:37737   17.0.15+6        3 s",
                "billing@db1   912  [::]:41000 (TLS)  21.0.2+13  2 h 0 min"), NodeListView.render(list, 80));
    }

    @Test
    void saysWhenNoNodeIsRegisteredAndPassesOnTheNote() {
        assertEquals(List.of("(no nodes registered on db1)", "3 more nodes were left out."),
                NodeListView.render(new NodeList("db1", List.of(), "3 more nodes were left out."), 80));
    }
}
