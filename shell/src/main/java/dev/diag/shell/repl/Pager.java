package dev.diag.shell.repl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.shell.client.DiagClient;
import java.io.IOException;
import java.io.PrintStream;
import java.util.function.Consumer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * Pages a streamed answer in the console, as Erlang's i() does: after a screenful it asks to
 * continue. Quitting cancels the call on the node, so the node stops working for a listing
 * nobody reads; the rows already on their way are dropped. While it waits for a key the node
 * waits too: it sends rows only as the connection takes them.
 */
final class Pager {
    private final LineReader reader;
    private final PrintStream out;
    private final DiagClient client;
    private int shown;
    private boolean quit;

    Pager(LineReader reader, PrintStream out, DiagClient client) {
        this.reader = reader;
        this.out = out;
        this.client = client;
    }

    Consumer<JsonNode> page(Consumer<JsonNode> rows) {
        return row -> {
            if (quit) {
                return;
            }
            rows.accept(row);
            if (++shown % pageSize() == 0 && !more()) {
                quit = true;
                try {
                    client.cancel();
                } catch (IOException e) {
                    // the call's own read reports a lost connection
                }
            }
        };
    }

    /** True once the user chose to stop the listing. */
    boolean quit() {
        return quit;
    }

    private int pageSize() {
        return Math.max(5, reader.getTerminal().getHeight() - 3);
    }

    private boolean more() {
        try {
            String answer = reader.readLine("(c)ontinue (q)uit --> ").strip();
            return !answer.startsWith("q");
        } catch (UserInterruptException | EndOfFileException e) {
            out.println();
            return false;
        }
    }
}
