package dev.diag.agent.functions;

import dev.diag.agent.heart.Heart;
import dev.diag.agent.heart.HeartException;
import dev.diag.protocol.function.Declaration;

/**
 * {@code heart:get_cmd()}: the command heart runs to restart this node, exactly as set, and where it
 * came from (set_cmd, heart-command-file, HEART_COMMAND, code, or none). Erlang's get_cmd once hung
 * on commands over 128 bytes; this one returns any length heart takes (1 MiB of UTF-8).
 */
final class HeartGetCmd extends FunctionBase {
    private final Heart heart;

    HeartGetCmd(Heart heart) {
        super(Declaration.GET_CMD);
        this.heart = heart;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        try {
            return heart.command();
        } catch (HeartException e) {
            throw HeartSetCmd.failure(e);
        }
    }
}
