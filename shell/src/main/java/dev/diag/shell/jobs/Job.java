package dev.diag.shell.jobs;

import dev.diag.protocol.function.Declaration;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.client.Connector;
import dev.diag.shell.client.Evaluator;
import dev.diag.shell.expr.Call;
import dev.diag.shell.functions.FunctionTable;
import dev.diag.shell.functions.LiveView;
import dev.diag.shell.render.ResultPrinter;
import dev.diag.shell.render.Wrap;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;

/**
 * One job of the console, as in Erlang's job control: its own connection to a node, its own
 * prompt counter, its own output (held while the user is elsewhere). A line runs on the job's own
 * thread, so the console stays free for ^G while a call runs; Ctrl-C or {@code i} cancels it.
 */
public final class Job implements AutoCloseable {
    private final int id;
    private final String typedNode;
    private final Connector connector;
    private final JobOutput output;
    private final PrintStream out;
    private final ExecutorService thread;
    private Connector.Connection connection;
    private Evaluator evaluator;
    private int counter = 1;
    private final Questions questions = new Questions();
    private volatile Future<?> running;
    private volatile boolean gone;
    private volatile boolean live;

    Job(int id, String typedNode, Connector connector, JobOutput output) throws DiagException {
        this.id = id;
        this.typedNode = typedNode;
        this.connector = connector;
        this.output = output;
        this.out = output.printStream();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "diag-job-" + id);
            t.setDaemon(true);
            return t;
        });
        connect();
    }

    /** (Re)opens the connection: a node restarted by heart is reached anew. */
    public void connect() throws DiagException {
        Connector.Connection fresh = connector.open(typedNode);
        closeConnection();
        connection = fresh;
        evaluator = new Evaluator(FunctionTable.standard(), fresh.client(), 0);
        gone = false;
    }

    public int id() {
        return id;
    }

    /** The node as the handshake proved it, e.g. {@code orders@db1}. */
    public String node() {
        return connection.node();
    }

    public String prompt() {
        return "(" + node() + ")" + counter + "> ";
    }

    public JobOutput output() {
        return output;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    public boolean busy() {
        Future<?> call = running;
        return call != null && !call.isDone();
    }

    /** True once the node went away (connection lost); {@link #connect} may bring it back. */
    public boolean gone() {
        return gone;
    }

    /** What the job asks the user (a pager's "continue?"); the console answers while the job is current. */
    public Questions questions() {
        return questions;
    }

    /**
     * Runs {@code line} on the job's thread; the terminal's {@code width} and {@code height} are
     * read when the answer prints and pages.
     */
    public void submit(String line, IntSupplier width, IntSupplier height) {
        counter++;
        Evaluator current = evaluator;
        String node = node();
        LiveView view = LiveScreen.viewOf(line);
        live = view != null;
        running = thread.submit(() -> {
            ResultPrinter printer = new ResultPrinter(out, out, false, width.getAsInt());
            Pager pager = new Pager(questions, current.client(), height);
            try {
                // a live view (top()) draws its own screen and says itself how it ended: null
                Evaluator.Evaluation evaluation = view != null ? LiveScreen.run(current, line, view, out, width, height)
                        : current.evaluate(line, (call, spec) -> spec.declaration() == Declaration.TRACE
                                ? printer.rows(node, call, spec) // live calls, not a listing: Ctrl-C ends it, no page stops it
                                : pager.page(printer.rows(node, call, spec)),
                                (call, impact) -> confirm(call, impact, width.getAsInt()));
                if (evaluation != null && !pager.quit()) { // quitting a listing cancels it: its "cancelled" answer is no news
                    printer.print(node, evaluation);
                }
            } catch (DiagException e) {
                gone = true;
                out.println(e.getMessage());
            } catch (RuntimeException e) {
                out.println("internal error in this job, please report it: " + e);
            }
        });
    }

    /**
     * The console asks before a high-impact call (a heap dump can pause the node for seconds): it
     * shows what the node says the call costs, and only y or yes runs it. {@code impact} null: the
     * node could not say.
     */
    private boolean confirm(Call call, String impact, int width) {
        String why = impact == null
                ? call.text() + ": " + node() + " could not say what its calls cost right now (it may be busy with other "
                        + "calls), so this one may be high impact."
                : call.text() + " is high impact on " + node() + ": " + impact + ".";
        Wrap.words(why, Math.max(40, width)).forEach(out::println);
        String answer = questions.ask("Run it? (y/n) ").strip().toLowerCase();
        return answer.equals("y") || answer.equals("yes");
    }

    /** True while the running call is a live view ({@code top()}), which any key stops. */
    public boolean live() {
        return live && busy();
    }

    /** Asks the node to stop the call in progress, if any (Ctrl-C, or {@code i} in the ^G menu). */
    public void interrupt() {
        if (busy() && connection != null) {
            try {
                connection.client().cancel();
            } catch (IOException e) {
                gone = true;
            }
        }
    }

    @Override
    public void close() {
        interrupt();
        questions.abandon();
        closeConnection();
        thread.shutdownNow();
    }

    private void closeConnection() {
        if (connection != null) {
            connection.close();
        }
    }
}
