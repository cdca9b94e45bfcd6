package dev.diag.agent.functions;

import java.util.List;

/**
 * What a running call may ask of the connection it serves: whether the caller cancelled, and
 * (for long results) sending rows ahead of the final result.
 */
public interface CallContext {

    /** True once the caller cancelled or disconnected; long work checks this and stops early. */
    boolean cancelled();

    /** Sends rows now; the reply then ends the stream with the call's result as its summary. */
    void emit(List<?> rows);
}
