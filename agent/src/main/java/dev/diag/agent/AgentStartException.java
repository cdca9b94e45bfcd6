package dev.diag.agent;

/** The agent could not start; the message is one sentence for the target's operator. */
public final class AgentStartException extends Exception {
    public AgentStartException(String message) {
        super(message);
    }
}
