package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FactsTest {

    @Test
    void alignsLabelsLeftFiguresRightAndCommentsInTheirOwnColumn() {
        assertEquals(List.of(
                "live threads  4,812  platform threads",
                "peak              9  most at once"),
                new Facts().add("live threads", "4,812", "platform threads").add("peak", "9", "most at once").render(100));
    }

    @Test
    void alignsTextValuesLeft() {
        assertEquals(List.of(
                "java  \"17.0.15\"",
                "vm    \"OpenJDK 64-Bit Server VM\""),
                Facts.ofText().add("java", "\"17.0.15\"", "").add("vm", "\"OpenJDK 64-Bit Server VM\"", "").render(100));
    }

    @Test
    void wrapsALongCommentUnderItsColumn() {
        List<String> lines = new Facts().add("runnable", "4", "this JVM's threads RUNNABLE now, of 9 live").render(34);
        assertEquals(List.of(
                "runnable  4  this JVM's threads",
                "             RUNNABLE now, of 9",
                "             live"), lines);
    }

    @Test
    void wrapsAtTwentyColumnsRatherThanSqueezeTheCommentFurther() {
        List<String> lines = new Facts().add("a label", "123", "one two three four five six").render(10);
        assertEquals(List.of("a label  123  one two three four", "              five six"), lines);
    }

    @Test
    void endsAFactWithoutACommentAtItsFigure() {
        assertEquals(List.of("a    1", "bcd  2  x"), new Facts().add("a", "1", "").add("bcd", "2", "x").render(80));
    }
}
