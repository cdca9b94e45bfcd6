package dev.diag.shell.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.message.JsonTree;
import dev.diag.shell.client.CallOutcome;
import dev.diag.shell.client.Evaluator.Evaluation;
import dev.diag.shell.expr.Call;
import dev.diag.shell.functions.FunctionSpec;
import dev.diag.shell.functions.FunctionView;
import dev.diag.shell.functions.OutputFile;
import dev.diag.shell.functions.StreamView;
import java.io.Flushable;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Prints evaluations for people (aligned tables, errors as one sentence on stderr) or for
 * scripts ({@code --json}: one JSON object per line on stdout, naming the node and the call).
 */
public final class ResultPrinter {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final int width;
    private final OutputFile files;
    private ChunkedRows pending; // the rows of the last chunkedRows sink: written before anything else

    public ResultPrinter(PrintStream out, PrintStream err, boolean json, int width) {
        this(out, err, json, width, OutputFile.DEFAULT);
    }

    /** As above; an answer that leaves a file on this host (profile()'s flame graph) writes it where {@code files} says. */
    public ResultPrinter(PrintStream out, PrintStream err, boolean json, int width, OutputFile files) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.width = width;
        this.files = files;
    }

    /** Prints one evaluation; true when it succeeded. */
    public boolean print(String node, Evaluation evaluation) {
        flushRows();
        if (evaluation instanceof Evaluation.Local local) {
            if (json) {
                // scripts get JSON on stdout, even for the shell's own answers
                ObjectNode line = envelope(node, local.call(), true);
                line.putObject("result").putArray("lines").addAll(local.render().apply(Integer.MAX_VALUE / 2).stream()
                        .map(JsonNodeFactory.instance::textNode).toList());
                out.println(text(line));
            } else {
                local.render().apply(width).forEach(out::println);
            }
            return true;
        }
        if (evaluation instanceof Evaluation.Invalid invalid) {
            return failure(node, invalid.line(), new CallError("invalid", invalid.sentence()), invalid.shown());
        }
        Evaluation.Answer answer = (Evaluation.Answer) evaluation;
        String call = answer.call().text();
        CallOutcome outcome = answer.outcome();
        if (!outcome.ok()) {
            CallError error = outcome.error() == null ? new CallError(CallError.FAILED, "no reason given") : outcome.error();
            return failure(node, call, error, call + ": " + error.message());
        }
        FunctionView.Saved saved = null;
        String notSaved = null; // said after the answer: a five-minute profile is shown even where its file cannot be written
        try {
            saved = answer.spec().view().saver() == null ? null
                    : answer.spec().view().saver().save(answer.call(), outcome.result(), node, files);
        } catch (Exception e) {
            notSaved = call + ": could not write its file on this host (" + whyNotWritten(e) + "); --out FILE chooses "
                    + "another place.";
        }
        boolean shown = show(node, call, answer, outcome, saved);
        if (notSaved != null) {
            err.println(notSaved);
        }
        return shown && notSaved == null;
    }

    /** In words, never a class name: "its directory does not exist: /tmp/nosuch/cpu.html". */
    private static String whyNotWritten(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return "its directory does not exist: " + missing.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return "no permission to write " + denied.getFile();
        }
        return e.getMessage() == null ? "an I/O failure with no message" : e.getMessage();
    }

    private boolean show(String node, String call, Evaluation.Answer answer, CallOutcome outcome,
            FunctionView.Saved saved) {
        if (json) {
            ObjectNode line = envelope(node, call, true);
            line.set("result", outcome.result());
            if (saved != null) {
                line.put("file", saved.path().toString());
            }
            if (!outcome.rows().isEmpty()) {
                line.putArray("rows").addAll(outcome.rows());
            }
            out.println(text(line));
            return true;
        }
        try {
            StreamView stream = answer.spec().stream();
            if (outcome.streamed() && stream != null) {
                if (!outcome.rows().isEmpty()) { // collected, not printed as they came
                    stream.header(width).forEach(out::println);
                    for (JsonNode row : outcome.rows()) {
                        out.println(stream.row(row, width));
                    }
                }
                stream.footer(outcome.result(), width).forEach(out::println);
            } else {
                answer.spec().renderer().render(answer.call(), outcome.result(), width).forEach(out::println);
            }
            if (saved != null) {
                Wrap.words(saved.sentence(), width).forEach(out::println);
            }
            return true;
        } catch (Exception e) {
            err.println(call + ": the node answered in a shape this shell cannot show (a newer or older node?);"
                    + " --json prints it as it came.");
            return false;
        }
    }

    /**
     * Where the rows of a streamed answer go: printed under the view's header as they arrive, or
     * as one JSON object per row ({@code {"node", "call", "row"}}) before the summary line. Each
     * line is written at once: for the console, where a pager stops after a screenful.
     */
    public Consumer<JsonNode> rows(String node, Call call, FunctionSpec spec) {
        return new RowLines(node, call, spec, out::println);
    }

    /**
     * As {@link #rows}, the same lines, written a chunk at a time ({@link ChunkedRows}): for
     * scripts and {@code --cmd}, where a line per write made i() at 10,000 rows 10,000 writes.
     * The sink is {@link Flushable}: the client flushes it after each chunk.
     */
    public Consumer<JsonNode> chunkedRows(String node, Call call, FunctionSpec spec) {
        flushRows();
        pending = new ChunkedRows(out);
        return new RowLines(node, call, spec, pending);
    }

    /** Writes the rows a chunked sink still holds; everything else this printer writes is written at once. */
    public void flushRows() {
        if (pending != null) {
            pending.flush();
        }
    }

    /**
     * Each streamed row's line(s), the view's header before the first, handed to {@code lines}. A
     * class, not a lambda: a one-shot call spins a lambda's class and its method handles at run
     * time (the class-data archive holds only the lambdas its training run met), a class it just
     * loads.
     */
    private final class RowLines implements Consumer<JsonNode>, Flushable {
        private final String node;
        private final Call call;
        private final StreamView stream;
        private final Consumer<String> lines;
        private boolean started;

        RowLines(String node, Call call, FunctionSpec spec, Consumer<String> lines) {
            this.node = node;
            this.call = call;
            this.stream = spec.stream();
            this.lines = lines;
        }

        @Override
        public void accept(JsonNode row) {
            if (json) {
                ObjectNode line = envelope(node, call.text(), true);
                line.set("row", row);
                lines.accept(text(line));
                return;
            }
            if (!started) {
                started = true;
                stream.header(width).forEach(lines);
            }
            try {
                lines.accept(stream.row(row, width));
            } catch (Exception e) {
                lines.accept("(a row this shell cannot show; --json prints it as it came)");
            }
        }

        @Override
        public void flush() {
            if (lines instanceof ChunkedRows chunked) {
                chunked.flush();
            }
        }
    }

    /** A blank line between the answers of several calls; JSON lines need none. */
    public void separate() {
        flushRows();
        if (!json) {
            out.println();
        }
    }

    /** A failure that ended the session or prevented it, reported in the same shape. */
    public void failure(String node, String call, String code, String sentence) {
        failure(node, call, new CallError(code, sentence), sentence);
    }

    private boolean failure(String node, String call, CallError error, String shown) {
        flushRows(); // the rows before it came first: on a terminal the sentence follows them
        if (json) {
            ObjectNode line = envelope(node, call, false);
            line.putObject("error").put("code", error.code()).put("message", error.message());
            out.println(text(line));
        }
        err.println(shown);
        return false;
    }

    private static ObjectNode envelope(String node, String call, boolean ok) {
        ObjectNode line = JsonLines.line();
        line.put("node", node);
        if (call != null) {
            line.put("call", call);
        }
        line.put("ok", ok);
        return line;
    }

    private static String text(ObjectNode line) {
        return JsonTree.text(line);
    }
}
