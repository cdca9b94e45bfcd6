package dev.diag.agent.functions;

import dev.diag.agent.heart.Heart;

/**
 * {@code heart:status()}: whether this node has a watchdog and what it knows: heart's pid, the
 * timeout, the last beat, whether a health check withholds it, restarts so far, where the restart
 * command comes from. Answers on every node: "off" where heart=true was not given, "gone" where
 * heart died or could not start (the node then runs without a watchdog).
 */
final class HeartStatusFunction implements DiagFunction {
    private final Heart heart;

    HeartStatusFunction(Heart heart) {
        this.heart = heart;
    }

    @Override
    public String name() {
        return "status";
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
        return Impact.low("reads what the agent's beat thread last recorded; no check is run for it");
    }

    @Override
    public Object call(Args args, CallContext context) {
        return heart.status();
    }
}
