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
    void sentenceQuotesAtMostSixtyCharactersAroundTheColumn() {
        String huge = "memory(" + "x".repeat(10_000_000) + " y)";
        ParseException e = assertThrows(ParseException.class, () -> ExprParser.parse(huge));
        String quoted = e.sentence().substring(e.sentence().indexOf('\'') + 1, e.sentence().indexOf("': "));
        assertEquals(60, quoted.length(), quoted);
        assertEquals("…" + "x".repeat(56) + " y)", quoted); // the column, and what led up to it
        assertEquals("syntax error at column 10000009 of '…", e.sentence().substring(0, 37));
    }

    @Test
    void pointerShortensALongLineAndKeepsTheCaretUnderTheColumn() {
        String line = "f(" + "a".repeat(500) + " " + "b".repeat(500) + ")";
        ParseException e = assertThrows(ParseException.class, () -> ExprParser.parse(line));
        String[] lines = e.pointer().split(System.lineSeparator());
        assertEquals(60, lines[0].length(), lines[0]);
        assertEquals('b', lines[0].charAt(lines[1].indexOf('^')));
        assertEquals(' ', lines[0].charAt(lines[1].indexOf('^') - 1));
    }

    @Test
    void sentenceIsOneLine() {
        ParseException e = assertThrows(ParseException.class, () -> ExprParser.parse("f(\"abc"));
        assertEquals(-1, e.sentence().indexOf('\n'));
    }
}
