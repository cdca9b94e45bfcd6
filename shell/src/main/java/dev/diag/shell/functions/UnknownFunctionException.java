package dev.diag.shell.functions;

/** A call to a function the shell does not know, with a sentence that suggests what was meant. */
public final class UnknownFunctionException extends Exception {
    public UnknownFunctionException(String message) {
        super(message, null, false, false);
    }
}
