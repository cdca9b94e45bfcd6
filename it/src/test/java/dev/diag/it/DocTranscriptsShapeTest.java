package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** What {@link DocTranscriptsIT} lets differ between the docs and a replay, and what it does not. */
class DocTranscriptsShapeTest {

    @Test
    void letsFiguresAndTheirUnitsDiffer() {
        assertEquals(DocTranscriptsIT.shape("heap   23.0 MiB   128 MiB"), DocTranscriptsIT.shape("heap 1.50 GiB 2,048 KiB"));
        assertEquals(DocTranscriptsIT.shape("uptime  2 s  2,118 ms, since 2026-11-21T21:22:12Z"),
                DocTranscriptsIT.shape("uptime  9 s  9,870 ms, since 2025-01-02T03:04:05Z"));
    }

    @Test
    void letsAStandaloneQuotedStringDiffer() {
        assertEquals(DocTranscriptsIT.shape("vm version   \"17.0.15+6-Debian-1deb12u1\""),
                DocTranscriptsIT.shape("vm version   \"25.0.3+9-LTS\""));
        assertEquals(DocTranscriptsIT.shape("\"Debian\" and \"x\""), DocTranscriptsIT.shape("\"Eclipse Adoptium\" and \"y z\""));
    }

    @Test
    void keepsTheWordsAroundAQuotedStringAndItsQuotes() {
        assertNotEquals(DocTranscriptsIT.shape("vm version  \"17.0.15\""), DocTranscriptsIT.shape("vm vendor  \"Debian\""));
        assertNotEquals(DocTranscriptsIT.shape("vm  \"17.0.15\""), DocTranscriptsIT.shape("vm  17.0.15"));
    }

    @Test
    void keepsTheStringsOfJsonLines() {
        assertNotEquals(DocTranscriptsIT.shape("{\"node\":\"orders@vm\",\"call\":\"memory(heap)\"}"),
                DocTranscriptsIT.shape("{\"node\":\"orders@vm\",\"call\":\"memory(stacks)\"}"));
        assertEquals(DocTranscriptsIT.shape("{\"node\":\"orders@vm\"}"), DocTranscriptsIT.shape("{\"node\":\"orders@db-1\"}"));
    }
}
