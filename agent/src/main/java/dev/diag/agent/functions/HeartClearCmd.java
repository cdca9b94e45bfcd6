package dev.diag.agent.functions;

import dev.diag.agent.heart.Heart;
import dev.diag.agent.heart.HeartException;

/**
 * {@code heart:clear_cmd()}: forgets the command set_cmd gave; heart goes back to the one the node
 * started with (heart-command-file=, else $HEART_COMMAND, else none) and the reply says which.
 */
final class HeartClearCmd implements DiagFunction {
    private final Heart heart;

    HeartClearCmd(Heart heart) {
        this.heart = heart;
    }

    @Override
    public String name() {
        return "clear_cmd";
    }

    @Override
    public int minArity() {
        return 0;
    }

    @Override
    public int maxArity() {
        return 0;
    }

    @Override
    public Impact impact() {
        return Impact.low("writes the configured command to heart's pipe; nothing else");
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        try {
            return heart.clearCommand();
        } catch (HeartException e) {
            throw HeartSetCmd.failure(e);
        }
    }
}
