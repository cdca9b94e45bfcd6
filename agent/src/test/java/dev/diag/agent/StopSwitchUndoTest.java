package dev.diag.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What functions changed in the target is undone once when the agent closes, however stopped. */
class StopSwitchUndoTest {

    @Test
    void runsEveryUndoOnceEvenWhenOneFails() {
        StopSwitch stopSwitch = new StopSwitch();
        List<String> undone = new ArrayList<>();
        stopSwitch.onStop(() -> undone.add("levels"));
        stopSwitch.onStop(() -> {
            throw new IllegalStateException("the app's logging context is gone");
        });
        stopSwitch.onStop(() -> undone.add("recording"));

        stopSwitch.undoChanges();
        stopSwitch.undoChanges();

        assertEquals(List.of("levels", "recording"), undone);
    }
}
