package dev.diag.protocol.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryReportTest {
    private static final MemoryReport REPORT = new MemoryReport(
            512L << 20,
            new MemoryReport.Usage(100 << 20, 256 << 20, 1024L << 20),
            new MemoryReport.Usage(60 << 20, 70 << 20, null),
            new MemoryReport.Usage(40 << 20, 45 << 20, null),
            new MemoryReport.Usage(10 << 20, 12 << 20, 240L << 20),
            List.of(new MemoryReport.Pool("G1 Old Gen", "heap", new MemoryReport.Usage(1, 2, 3L))),
            List.of(new MemoryReport.BufferPool("direct", 4, 4096, 4096)),
            new MemoryReport.Threads(42, 30, 50, 1 << 20, 42L << 20),
            List.of(new MemoryReport.Collector("G1 Young Generation", 12, 340)));

    @Test
    void travelsInAReplyAndReadsBackEqual() throws Exception {
        Message.Reply reply = (Message.Reply) MessageCodec.decode(MessageCodec.encode(Message.Reply.success(1, REPORT)));
        assertEquals(REPORT, Json.mapper().treeToValue(reply.result(), MemoryReport.class));
    }

    @Test
    void leavesOutLimitsTheJvmDoesNotSet() {
        JsonNode json = Json.mapper().valueToTree(REPORT);
        assertFalse(json.get("nonHeap").has("max"));
        assertEquals(1024L << 20, json.get("heap").get("max").asLong());
    }

    @Test
    void readsAReportWithoutResidentSizeWhereTheOsDoesNotSayIt() throws Exception {
        MemoryReport noRss = new MemoryReport(null, REPORT.heap(), REPORT.nonHeap(), REPORT.metaspace(), REPORT.codeCache(),
                REPORT.pools(), REPORT.buffers(), REPORT.threads(), REPORT.collectors());
        JsonNode json = Json.mapper().valueToTree(noRss);
        assertFalse(json.has("residentBytes"));
        assertEquals(noRss, Json.mapper().treeToValue(json, MemoryReport.class));
    }
}
