package dev.diag.agent.functions;

import dev.diag.agent.probe.logging.ChangedLevels;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.LevelChanges;

/** {@code logger:reset()}: every level diag changed back to what it was; the agent does the same when stopped. */
final class LoggerReset extends FunctionBase {
    private final ChangedLevels changed;

    LoggerReset(ChangedLevels changed) {
        super(Declaration.RESET);
        this.changed = changed;
    }

    @Override
    public Object call(Args args, CallContext context) {
        return new LevelChanges(changed.reset());
    }

    @Override
    public boolean audited() {
        return true; // it changes the app's logging back
    }
}
