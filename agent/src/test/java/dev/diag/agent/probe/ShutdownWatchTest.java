package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.ShutdownHook;
import dev.diag.protocol.result.ShutdownState;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A running JVM: not in shutdown, its registered hooks listed (NEW), the agent's own left out.
 * The surefire argLine opens java.lang as the agent's Instrumentation does in a target. The
 * shutdown itself is ShutdownIT's: a JVM in a test cannot shut down.
 */
class ShutdownWatchTest {
    private final Thread appHook = new Thread(() -> { }, "flush-on-exit");
    private ShutdownWatch watch;

    @AfterEach
    void removeHooks() {
        Runtime.getRuntime().removeShutdownHook(appHook);
        if (watch != null) {
            watch.disarm();
        }
    }

    @Test
    void aRunningJvmIsNotInShutdownAndListsTheAppsRegisteredHooksButNotTheAgents() {
        Runtime.getRuntime().addShutdownHook(appHook);
        watch = ShutdownWatch.open();
        AtomicBoolean goodbye = new AtomicBoolean();
        watch.arm(() -> goodbye.set(true));

        ShutdownState state = watch.state();

        assertFalse(state.inShutdown());
        assertNull(state.sinceMillis());
        assertTrue(state.hooks().contains(new ShutdownHook(0, "flush-on-exit", "NEW", null)), state.toString());
        assertEquals(List.of(), state.hooks().stream().filter(h -> h.name().startsWith("diag-")).toList());
        assertNull(state.note(), "the JDK's table is open to the agent here");
        assertFalse(goodbye.get(), "the goodbye waits for the shutdown");
    }

    @Test
    void disarmingTakesTheAgentsHookBack() {
        watch = ShutdownWatch.open();
        watch.arm(() -> { });

        assertTrue(watch.disarm());
    }
}
