package dev.diag.shell.render;

import dev.diag.protocol.result.MemoryAmount;
import java.util.List;

/** Renders {@code memory(Kind)}: the exact byte count (as Erlang prints it) and the human figure. */
public final class MemoryAmountView {
    private MemoryAmountView() {
    }

    public static List<String> render(MemoryAmount amount) {
        return List.of(amount.bytes() + "   (" + amount.kind().replace('_', ' ') + ": " + Units.bytes(amount.bytes()) + ")");
    }
}
