package dev.diag.agent.server;

/** Every call thread is taken: the message says by whom, to be answered at once as {@code busy}. */
final class NodeBusyException extends Exception {
    NodeBusyException(String sentence) {
        super(sentence, null, false, false);
    }
}
