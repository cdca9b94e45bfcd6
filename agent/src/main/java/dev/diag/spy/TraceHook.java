package dev.diag.spy;

/**
 * What a traced method's injected code reaches through {@link TraceSpy}: implemented by the
 * agent's tracer, which the bootstrap class loader cannot name. Every method is called with the
 * call token {@link #enter} returned; a null token never reaches the hook.
 */
public interface TraceHook {

    /** A call of probe {@code probe} begins: a token to pass on, or null when it is not recorded. */
    Object enter(int probe);

    /** The {@code index}-th argument of the call, boxed only because the call is recorded. */
    void argument(Object call, int index, Object value);

    /** The call returned {@code value} ({@link TraceSpy#VOID} for a void method). */
    void returned(Object call, Object value);

    /** The call is ending by {@code thrown}; the injected code throws it on. */
    void threw(Object call, Throwable thrown);
}
