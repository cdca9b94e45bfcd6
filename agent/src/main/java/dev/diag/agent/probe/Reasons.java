package dev.diag.agent.probe;

import java.util.List;
import java.util.Map;

/**
 * An exception as the half-sentence a caller's one-line error ends with, in words: never a Java
 * class name (an operator reads "the class file is cut short", not {@code
 * java.lang.ArrayIndexOutOfBoundsException: Index 9 out of bounds for length 9}).
 */
public final class Reasons {
    private Reasons() {
    }

    /**
     * What went wrong, first line only (JVM messages can run over several): the kinds whose message
     * means nothing alone get their own words, the others say their message, or what kind of
     * failure it was where they have none.
     */
    public static String of(Throwable t) {
        String message = t.getMessage() == null || t.getMessage().isBlank() ? null
                : t.getMessage().lines().findFirst().orElse(null);
        String kind = kind(t);
        if (message == null) {
            return kind;
        }
        return t instanceof IndexOutOfBoundsException || t instanceof NullPointerException || t instanceof ClassCastException
                ? kind : t instanceof VirtualMachineError || t instanceof LinkageError ? kind + ": " + message : message;
    }

    /** The kind of failure in words, for one with no useful message; the first that fits, so subclasses come first. */
    private static String kind(Throwable t) {
        for (Map.Entry<Class<? extends Throwable>, String> kind : KINDS) {
            if (kind.getKey().isInstance(t)) {
                return kind.getValue();
            }
        }
        return "an unexpected failure with no message";
    }

    private static final List<Map.Entry<Class<? extends Throwable>, String>> KINDS = List.of(
            Map.entry(OutOfMemoryError.class, "out of memory"),
            Map.entry(StackOverflowError.class, "out of stack"),
            Map.entry(VirtualMachineError.class, "an internal error of the JVM"),
            Map.entry(UnsupportedClassVersionError.class, "a class file version this JVM does not support"),
            Map.entry(ClassFormatError.class, "a malformed class file"),
            Map.entry(VerifyError.class, "bytecode that does not verify"),
            Map.entry(NoClassDefFoundError.class, "a class it needs cannot be found"),
            Map.entry(LinkageError.class, "a class that cannot be linked"),
            Map.entry(IndexOutOfBoundsException.class, "data that ends too soon or points past its end"),
            Map.entry(NullPointerException.class, "an internal error of diag (a missing value)"),
            Map.entry(ClassCastException.class, "an internal error of diag (a value of an unexpected type)"),
            Map.entry(SecurityException.class, "not permitted"));
}
