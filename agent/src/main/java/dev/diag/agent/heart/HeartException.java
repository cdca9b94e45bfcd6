package dev.diag.agent.heart;

/** A heart call that cannot be done as asked; the message is one sentence for the console. */
public final class HeartException extends Exception {
    private final boolean badArgument;

    HeartException(String message, boolean badArgument) {
        super(message, null, false, false);
        this.badArgument = badArgument;
    }

    /** True when the argument was at fault (the command), false when heart's state was. */
    public boolean badArgument() {
        return badArgument;
    }
}
