package dev.diag.agent.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallSlotTest {
    private final Caller alice = new Caller("alice", "localhost");

    @Test
    void describesTheCallItsCallerAndHowLongItHasRun() {
        CallSlot slot = new CallSlot("backtraces()", alice, 0);
        assertEquals("backtraces() running for 25 s for alice@localhost", slot.describe(TimeUnit.SECONDS.toNanos(25)));
    }

    @Test
    void showsShortArgumentsAndLongOrUnprintableOnesAsAnEllipsis() {
        assertEquals("memory(heap)", CallSlot.of("memory", List.of(TextNode.valueOf("heap")), alice).call());
        assertEquals("top(5, 1000)", CallSlot.of("top", List.of(IntNode.valueOf(5), IntNode.valueOf(1000)), alice).call());
        assertEquals("load_binary(…)", CallSlot.of("load_binary", List.of(TextNode.valueOf("A".repeat(10_000))), alice)
                .call());
        assertEquals("heap_dump(…)", CallSlot.of("heap_dump", List.of(TextNode.valueOf("a\nb")), alice).call());
        assertEquals("process_info({\"pid\":61})", CallSlot.of("process_info",
                List.of(JsonNodeFactory.instance.objectNode().put("pid", 61)), alice).call());
    }

    @Test
    void namesTheCallerByTheUserItGaveAndTheAddressItCameFrom() throws Exception {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
        InetSocketAddress remote = new InetSocketAddress(InetAddress.getByAddress(new byte[] {10, 0, 0, 5}), 40000);

        assertEquals("alice@localhost", Caller.of("diag-shell alice", loopback).toString());
        assertEquals("ops-bot@10.0.0.5", Caller.of("ops-bot", remote).toString());
        assertEquals("someone@10.0.0.5", Caller.of("", remote).toString());
    }
}
