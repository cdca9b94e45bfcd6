package dev.diag.agent.functions;

import java.util.List;

/** The context of a call that answers in one piece: never cancelled, and it must not stream. */
final class OneShotContext implements CallContext {
    static final CallContext INSTANCE = new OneShotContext();

    private OneShotContext() {
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    @Override
    public void emit(List<?> rows) {
        throw new AssertionError("a one-shot function must not stream");
    }
}
