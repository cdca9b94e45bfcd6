package dev.diag.agent.functions;

import dev.diag.agent.heart.Heart;
import dev.diag.agent.heart.HeartException;
import dev.diag.protocol.function.Declaration;

/**
 * {@code heart:clear_cmd()}: forgets the command set_cmd gave; heart goes back to the one the node
 * started with (heart-command-file=, else $HEART_COMMAND, else none) and the reply says which.
 */
final class HeartClearCmd extends FunctionBase {
    private final Heart heart;

    HeartClearCmd(Heart heart) {
        super(Declaration.CLEAR_CMD);
        this.heart = heart;
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
