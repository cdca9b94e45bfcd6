package dev.diag.shell.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermTest {

    @Test
    void atomsAndStringsGoOnTheWireAsJsonText() {
        JsonNode atom = new Term.Atom("heap").toJson();
        JsonNode string = new Term.Str("a \"b\"").toJson();
        assertTrue(atom.isTextual());
        assertEquals("heap", atom.asText());
        assertTrue(string.isTextual());
        assertEquals("a \"b\"", string.asText());
    }

    @Test
    void integersGoOnTheWireAsJsonNumbers() {
        JsonNode json = new Term.Int(-9_000_000_000L).toJson();
        assertTrue(json.isIntegralNumber());
        assertEquals(-9_000_000_000L, json.asLong());
    }

    @Test
    void pidsGoOnTheWireAsAnObjectWithTheThreadId() {
        assertEquals("{\"pid\":61}", new Term.Pid(61).toJson().toString());
    }

    @Test
    void listsGoOnTheWireAsJsonArraysOfTheirItems() {
        Term list = new Term.ListOf(List.of(new Term.Atom("a"), new Term.Int(1), new Term.Str("s"), new Term.Pid(7)));
        assertEquals("[\"a\",1,\"s\",{\"pid\":7}]", list.toJson().toString());
    }

    @Test
    void atomsArePrintedBareOnlyWhenErlangWouldReadThemAsAtoms() {
        assertEquals("heap", new Term.Atom("heap").text());
        assertEquals("non_heap@x1", new Term.Atom("non_heap@x1").text());
        assertEquals("'Heap'", new Term.Atom("Heap").text());
        assertEquals("'two words'", new Term.Atom("two words").text());
        assertEquals("'it\\'s'", new Term.Atom("it's").text());
    }

    @Test
    void pidsArePrintedInTheShortThreadForm() {
        assertEquals("<61>", new Term.Pid(61).text());
    }
}
