package dev.diag.shell.functions;

import dev.diag.shell.expr.Call;

/**
 * A function whose answer takes as long as its arguments say, e.g. {@code proc_window}'s window:
 * the shell waits that much longer than its usual timeout before giving up on the node.
 */
public interface Lasting {
    long millis(Call call);
}
