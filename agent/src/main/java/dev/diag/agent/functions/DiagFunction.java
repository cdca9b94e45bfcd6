package dev.diag.agent.functions;

import dev.diag.protocol.function.Impact;

/**
 * One diagnostic function, as the shell calls it by name: {@code memory()}, {@code memory(heap)}.
 * Implementations are small, stateless and return a plain record from dev.diag.protocol.result;
 * the shell renders it. They run on the agent's call threads, never on the I/O thread.
 */
public interface DiagFunction {

    /** The name the shell calls, e.g. "memory". */
    String name();

    /** Fewest arguments accepted. */
    int minArity();

    /** Most arguments accepted. */
    int maxArity();

    /** What calling this costs the target, shown by help(Fn) and checked by the console. */
    Impact impact();

    Object call(Args args, CallContext context) throws FunctionException;

    /**
     * Whether each call leaves a line in the audit log: the HIGH-impact ones, and those that change
     * the target or run what its JVM offers whatever their declared cost (jcmd, logger:set_level).
     */
    default boolean audited() {
        return impact().level() == Impact.Level.HIGH;
    }

    /**
     * What a caller who cancels must know, added to the "cancelled" answer: null for most functions,
     * whose work stops; heap_dump's goes on, since the JVM cannot stop a dump.
     */
    default String onCancel() {
        return null;
    }
}
