package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.result.Stopped;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoppedViewTest {

    @Test
    void saysTheNodeStopsAndHowToLoadItAgain() {
        assertEquals(List.of(
                "orders@vm stops: its sockets close, its registry entry goes and its threads end; the app runs on",
                "diag inject PID loads a fresh agent into the same JVM"),
                StoppedView.render(new Stopped("orders@vm", Stopped.HEART_OFF, 0), 80));
    }

    @Test
    void saysWhenHeartWentWithItAndTheNodeIsUnwatched() {
        assertEquals("heart said goodbye and exits without a restart: the node runs on without a watchdog",
                StoppedView.render(new Stopped("orders@vm", Stopped.HEART_STOPPED, 0), 80).get(1));
    }

    @Test
    void saysThatRedefinedClassesKeepTheirNewCode() {
        assertEquals("2 classes keep the code diag loaded: stopping undoes no redefinition (code:rollback before "
                + "stop() does)", StoppedView.render(new Stopped("orders@vm", Stopped.HEART_OFF, 2), 80).get(1));
        assertEquals("1 class keeps", StoppedView.render(new Stopped("orders@vm", Stopped.HEART_OFF, 1), 80).get(1)
                .substring(0, 13));
    }
}
