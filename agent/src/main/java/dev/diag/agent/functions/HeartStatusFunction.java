package dev.diag.agent.functions;

import dev.diag.agent.heart.Heart;
import dev.diag.protocol.function.Declaration;

/**
 * {@code heart:status()}: whether this node has a watchdog and what it knows: heart's pid, the
 * timeout, the last beat, whether a health check withholds it, restarts so far, where the restart
 * command comes from. Answers on every node: "off" where heart=true was not given, "gone" where
 * heart died or could not start (the node then runs without a watchdog).
 */
final class HeartStatusFunction extends FunctionBase {
    private final Heart heart;

    HeartStatusFunction(Heart heart) {
        super(Declaration.STATUS);
        this.heart = heart;
    }

    @Override
    public Object call(Args args, CallContext context) {
        return heart.status();
    }
}
