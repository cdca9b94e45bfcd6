package dev.diag.protocol.result;

import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Enums written as Erlang atoms: {@code NON_HEAP} is {@code non_heap}. One place for the mapping
 * every closed set of arguments uses (memory kinds, system_info and statistics items, ...).
 */
public final class Atoms {
    private Atoms() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose atom is {@code atom}, if any. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String atom) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(atom)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** Every atom of {@code type}, comma-separated, for "use one of ..." messages. */
    public static String list(Class<? extends Enum<?>> type) {
        StringJoiner atoms = new StringJoiner(", ");
        for (Enum<?> constant : type.getEnumConstants()) {
            atoms.add(of(constant));
        }
        return atoms.toString();
    }
}
