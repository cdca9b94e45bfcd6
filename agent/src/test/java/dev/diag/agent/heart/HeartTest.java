package dev.diag.agent.heart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.diag.protocol.result.HeartStatus;
import org.junit.jupiter.api.Test;

class HeartTest {

    @Test
    void withoutHeartEveryCommandCallSaysHowToTurnItOn() {
        Heart heart = Heart.off();
        HeartException e = assertThrows(HeartException.class, heart::command);
        assertEquals("heart is off on this node: start the agent with heart=true (docs/heart.md)", e.getMessage());
        assertFalse(e.badArgument());
        assertThrows(HeartException.class, () -> heart.setCommand("x"));
        assertThrows(HeartException.class, heart::clearCommand);
    }

    @Test
    void statusSaysOffAndStartsNothing() {
        Heart heart = Heart.off();
        heart.start("orders@vm");
        HeartStatus status = heart.status();
        assertEquals("off", status.state());
        assertNull(status.heartPid());
        assertEquals("heart is off: start the agent with heart=true (docs/heart.md)", status.note());
        heart.close();
    }

    @Test
    void aBadCommandIsTheArgumentsFault() throws Exception {
        Heart heart = Heart.prepare(HeartOptions.on(60, "x"));
        assertEquals(true, assertThrows(HeartException.class, () -> heart.setCommand("a\0b")).badArgument());
    }
}
