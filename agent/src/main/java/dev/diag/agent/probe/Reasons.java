package dev.diag.agent.probe;

/** An exception as the half-sentence a caller's one-line error ends with. */
public final class Reasons {
    private Reasons() {
    }

    /** The exception's message, first line only (JVM messages can run over several), or its class where it has none. */
    public static String of(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName()
                : message.lines().findFirst().orElse(t.getClass().getSimpleName());
    }
}
