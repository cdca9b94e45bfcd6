package dev.diag.agent;

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
 */
public final class StopSwitch {
    private String node;
    private Runnable stop;

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
}
