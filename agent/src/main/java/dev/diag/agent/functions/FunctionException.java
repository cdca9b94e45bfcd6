package dev.diag.agent.functions;

import dev.diag.protocol.message.CallError;

/** A call that failed in a way the caller can act on; becomes an error reply with this code. */
public final class FunctionException extends Exception {
    private final String code;

    private FunctionException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public static FunctionException badArgument(String message) {
        return new FunctionException(CallError.BAD_ARGUMENT, message);
    }

    public static FunctionException failed(String message) {
        return new FunctionException(CallError.FAILED, message);
    }

    public CallError toError() {
        return new CallError(code, getMessage());
    }
}
