package dev.diag.shell.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParseExceptionTest {

    @Test
    void pointerPutsTheCaretUnderTheColumnAndTheMessageAfterIt() {
        ParseException e = assertThrows(ParseException.class, () -> ExprParser.parse("memory("));
        String[] lines = e.pointer().split(System.lineSeparator(), -1);
        assertEquals(2, lines.length);
        assertEquals("memory(", lines[0]);
        assertEquals("       ^ expected an argument", lines[1]);
        assertEquals(7, lines[1].indexOf('^'));
    }

    @Test
    void pointerShowsTheStrippedLineSoTheCaretStillLinesUp() {
        ParseException e = assertThrows(ParseException.class, () -> ExprParser.parse("   memory(heap stacks)  "));
        String[] lines = e.pointer().split(System.lineSeparator());
        assertEquals("memory(heap stacks)", lines[0]);
        assertEquals('s', lines[0].charAt(lines[1].indexOf('^')));
    }

    @Test
    void pointerAtColumnZeroStartsWithTheCaret() {
        assertEquals("x" + System.lineSeparator() + "^ oops", new ParseException("x", 0, "oops").pointer());
    }

    @Test
    void sentenceSaysTheColumnCountingFromOne() {
        ParseException e = assertThrows(ParseException.class, () -> ExprParser.parse("memory("));
        assertEquals("syntax error at column 8 of 'memory(': expected an argument", e.sentence());
    }

    @Test
    void sentenceIsOneLine() {
        ParseException e = assertThrows(ParseException.class, () -> ExprParser.parse("f(\"abc"));
        assertEquals(-1, e.sentence().indexOf('\n'));
    }
}
