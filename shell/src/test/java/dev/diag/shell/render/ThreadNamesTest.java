package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThreadNamesTest {

    @Test
    void onATerminalALongNameKeepsItsStartAndTheLongerShareOfItsEnd() {
        assertEquals("pekko.ac…lt-dispatcher-17", ThreadNames.column("pekko.actor.default-dispatcher-17", 25, 80));
        assertEquals(25, ThreadNames.column("pekko.actor.default-dispatcher-17", 25, 80).length());
    }

    @Test
    void namesThatDifferOnlyInTheTailStayApartWhenCut() {
        String a = ThreadNames.column("Log4j2-TF-1-AsyncLoggerConfig-1", 20, 80);
        String b = ThreadNames.column("Log4j2-TF-1-AsyncLoggerConfig-2", 20, 80);

        assertEquals(false, a.equals(b), a + " / " + b);
    }

    @Test
    void whereOutputIsNotCutTheNameIsWhole() {
        assertEquals("H2 Log Writer ORDERS_DATABASE_PRIMARY", ThreadNames.column("H2 Log Writer ORDERS_DATABASE_PRIMARY",
                25, Integer.MAX_VALUE / 2));
    }

    @Test
    void aShortNameOrNoNameIsLeftAsItIs() {
        assertEquals("main", ThreadNames.column("main", 25, 80));
        assertEquals("", ThreadNames.column(null, 25, 80));
    }
}
