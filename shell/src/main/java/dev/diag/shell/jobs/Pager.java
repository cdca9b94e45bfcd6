package dev.diag.shell.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.shell.client.DiagClient;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Pages a streamed answer in the console, as Erlang's i() does: after a screenful it asks to
 * continue. Quitting cancels the call on the node, so the node stops working for a listing
 * nobody reads; the rows already on their way are dropped. While it waits for the answer the
 * node waits too: it sends rows only as the connection takes them.
 */
final class Pager {
    static final String PROMPT = "(c)ontinue (q)uit --> ";

    private final Questions questions;
    private final DiagClient client;
    private final IntSupplier height;
    private int shown;
    private boolean quit;

    Pager(Questions questions, DiagClient client, IntSupplier height) {
        this.questions = questions;
        this.client = client;
        this.height = height;
    }

    Consumer<JsonNode> page(Consumer<JsonNode> rows) {
        return row -> {
            if (quit) {
                return;
            }
            rows.accept(row);
            if (++shown % Math.max(5, height.getAsInt() - 3) == 0 && questions.ask(PROMPT).strip().startsWith("q")) {
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
}
