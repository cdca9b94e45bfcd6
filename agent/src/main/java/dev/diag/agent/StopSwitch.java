package dev.diag.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@code stop()} reaches the agent it runs in. The functions are made before the agent they
 * belong to exists, so the agent connects its {@link RunningAgent#close()} here once it runs;
 * before that (a call in the first instant of start-up), and in function lists made without an
 * agent (tests, the console's local shell), there is nothing to stop. Pressed once, the switch
 * lets go of the agent, so nothing of it stays reachable from here.
 *
 * <pre>
 * StopSwitch stop = new StopSwitch();          // given to Functions.all, then to the RunningAgent
 * stop.node()                                   // "orders@vm" once connected, else null
 * stop.press()                                  // closes the agent, on the caller's thread
 * </pre>
 *
 * <p>Functions that change the target (logger:set_level) also leave here how to undo it
 * ({@link #onStop}); the agent runs those when it closes, however it is stopped, so the target is
 * left as diag found it.
 */
public final class StopSwitch {
    private String node;
    private Runnable stop;
    private final List<Runnable> undo = new ArrayList<>();

    /** Called by the running agent (and tests): {@code stop} closes it, {@code node} is its name@host. */
    public synchronized void connect(String node, Runnable stop) {
        this.node = node;
        this.stop = stop;
    }

    /** The node this switch stops, or null before the agent is running (or once stopped). */
    public synchronized String node() {
        return node;
    }

    /** Stops the agent now, on this thread (it blocks for up to a few seconds); later presses do nothing. */
    public void press() {
        Runnable close;
        synchronized (this) {
            close = stop;
            stop = null;
            node = null;
        }
        if (close != null) {
            close.run();
        }
    }

    /** Registers how to undo what a function changed in the target; run once, when the agent closes. */
    public synchronized void onStop(Runnable action) {
        undo.add(action);
    }

    /** Runs every undo action, each guarded: one that fails must not keep the others (or the stop) from running. */
    void undoChanges() {
        List<Runnable> actions;
        synchronized (this) {
            actions = List.copyOf(undo);
            undo.clear();
        }
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException | LinkageError e) {
                // nothing may escape into the stopping agent's thread; the other actions still run
            }
        }
    }
}
