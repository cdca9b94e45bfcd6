package dev.diag.shell.repl;

import dev.diag.shell.jobs.JobTable;
import dev.diag.shell.testing.Eventually;
import dev.diag.shell.testing.FakeNode;
import dev.diag.shell.testing.FakeNodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A console session in this JVM on a terminal made of pipes: the test types keys, reads the
 * screen and waits for the session to end. JLine's external terminal keeps a line discipline of
 * its own, so Ctrl-C is a signal to the console, as on a real terminal, and ^G a key.
 */
final class PipedConsole implements AutoCloseable {
    static final String CTRL_C = "\u0003";
    static final String CTRL_G = "\u0007";
    /** What ^G shows: Erlang's title and the menu's prompt. */
    static final String MENU = "User switch command\n --> ";

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final JobTable jobs;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    /** Starts the console on {@code nodes}, attached to {@code node} (or trying to: it may not be there). */
    PipedConsole(FakeNodes nodes, String node) throws IOException {
        terminal = TerminalBuilder.builder().system(false).provider("exec").type("dumb").size(new Size(100, 40))
                .streams(new PipedInputStream(keys, 1 << 16), screen).build();
        jobs = nodes.jobs(terminal.output());
        Session session = Console.session(terminal, jobs, nodes.connector());
        Thread thread = new Thread(() -> {
            try {
                exit.complete(session.run(node));
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        }, "console-under-test");
        thread.setDaemon(true);
        thread.start();
    }

    /** A console attached to {@code node}, once it shows the node's first prompt. */
    static PipedConsole attached(FakeNodes nodes, String node) throws IOException {
        return new PipedConsole(nodes, node).then(console -> console.awaitPrompt(node, 1));
    }

    /**
     * A console attached to {@code node}, a node holding memory(heap) (FakeNodes.start(name, held)),
     * once it has called memory(heap) and the node has the call: it runs until cancelled.
     */
    static PipedConsole waitingOn(FakeNodes nodes, FakeNode node) throws IOException {
        return attached(nodes, node.address()).then(console -> {
            console.line("memory(heap).");
            Eventually.until(() -> node.calls().contains("memory"), "the node to take the call");
        });
    }

    /** What a test does first with a console it has not yet handed to try-with-resources. */
    @FunctionalInterface
    interface Step {
        void run(PipedConsole console) throws IOException;
    }

    /** Runs {@code step}; if it fails, closes this console, which no try-with-resources holds yet. */
    PipedConsole then(Step step) throws IOException {
        try {
            step.run(this);
        } catch (IOException | RuntimeException | Error e) {
            close();
            throw e;
        }
        return this;
    }

    JobTable jobs() {
        return jobs;
    }

    /** Types {@code text} as keys. */
    void type(String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Types {@code text} and Enter. */
    void line(String text) throws IOException {
        type(text + "\r");
    }

    /** The screen so far, without carriage returns. */
    String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8).replace("\r", "");
        }
    }

    /** Waits for {@code text} to show on the screen; returns the screen. */
    String awaitText(String text) {
        return awaitCount(text, 1);
    }

    /** Waits for {@code text} to show {@code times} times; returns the screen. */
    String awaitCount(String text, int times) {
        Eventually.until(() -> count(screen(), text) >= times,
                () -> times + " x '" + text + "'; the screen:\n" + screen());
        return screen();
    }

    /** Waits for {@code node}'s prompt numbered {@code counter}, e.g. {@code (alpha@127.0.0.1:4711)1> }. */
    String awaitPrompt(String node, int counter) {
        return awaitText("(" + node + ")" + counter + "> ");
    }

    /** Presses ^G and waits for the menu's prompt. */
    void openMenu() throws IOException {
        int before = count(screen(), MENU);
        type(CTRL_G);
        awaitCount(MENU, before + 1);
    }


    /** Waits for the session to end and returns its exit code. */
    int awaitExit() throws InterruptedException, ExecutionException {
        try {
            return exit.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the console did not end within 5 s; the screen:\n" + screen());
        }
    }

    boolean ended() {
        return exit.isDone();
    }

    static int count(String screen, String text) {
        int n = 0;
        for (int i = screen.indexOf(text); i >= 0; i = screen.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        jobs.close();
        keys.close();
        terminal.close();
    }
}
