package dev.diag.protocol.function;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Indexes a table by name and refuses a name given twice, so a second entry cannot silently
 * replace the first (as a plain {@code Map.put} would): the function table, the console's words
 * and the ^G menu's letters are all built through it.
 */
public final class UniqueNames {
    private UniqueNames() {
    }

    /** {@code entries} by {@code name}, in their order; throws naming the duplicate and {@code what} the table is. */
    public static <T> Map<String, T> index(Collection<T> entries, Function<T, String> name, String what) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (T entry : entries) {
            T earlier = byName.putIfAbsent(name.apply(entry), entry);
            if (earlier != null) {
                throw new IllegalStateException(what + " declares " + name.apply(entry) + " twice: " + earlier
                        + " and " + entry);
            }
        }
        return Collections.unmodifiableMap(byName);
    }
}
