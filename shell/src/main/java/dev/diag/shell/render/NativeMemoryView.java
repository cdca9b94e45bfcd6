package dev.diag.shell.render;

import dev.diag.protocol.result.NativeMemory;
import java.util.List;

/**
 * {@code memory(native)}: Native Memory Tracking's categories, largest committed first, under
 * the total. Committed is what the process holds; reserved is address space only.
 */
public final class NativeMemoryView {
    private NativeMemoryView() {
    }

    public static List<String> render(NativeMemory nmt, int width) {
        Table table = Table.ofFigures("CATEGORY", "COMMITTED", "RESERVED");
        table.row("total", Units.bytes(nmt.committedBytes()), Units.bytes(nmt.reservedBytes()));
        for (NativeMemory.Category c : nmt.categories()) {
            table.row("  " + c.name(), Units.bytes(c.committedBytes()), Units.bytes(c.reservedBytes()));
        }
        return table.render(width);
    }
}
