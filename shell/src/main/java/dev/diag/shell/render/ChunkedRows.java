package dev.diag.shell.render;

import java.io.Flushable;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * A streamed answer's lines for a script or {@code --cmd}, written to stdout a chunk at a time
 * instead of a line at a time. System.out flushes on every line (autoflush, a 128-byte buffer),
 * so i() at 10,000 threads was 10,000 writes, each through the charset encoder on its own; now
 * it is one {@code print} per chunk of 500 rows. The client flushes this after each chunk it
 * hands over (through the printer's row sink), so a long answer still appears as it arrives,
 * and the printer flushes it before it writes anything else, so nothing is held back or
 * reordered. The bytes are those {@code println} wrote: the same stream encodes them, each line
 * ended by the line separator.
 */
final class ChunkedRows implements Consumer<String>, Flushable {
    /** Written early past this many chars, so a chunk of long rows (backtraces) stays bounded here. */
    private static final int MAX_HELD = 64 * 1024;
    private static final String LINE_END = System.lineSeparator();

    private final PrintStream out;
    private final StringBuilder held = new StringBuilder(MAX_HELD + 8 * 1024);

    ChunkedRows(PrintStream out) {
        this.out = out;
    }

    /** One line, as println would write it. */
    @Override
    public void accept(String line) {
        held.append(line).append(LINE_END);
        if (held.length() >= MAX_HELD) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (held.length() > 0) {
            out.print(held.toString());
            held.setLength(0);
        }
    }
}
