package dev.diag.shell.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.CallError;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.client.Evaluator;
import dev.diag.shell.expr.ExprParser;
import dev.diag.shell.expr.ParseException;
import dev.diag.shell.functions.FunctionTable;
import dev.diag.shell.functions.LiveView;
import dev.diag.shell.functions.UnknownFunctionException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Shows a live view's rows ({@code top()}) on the terminal's alternate screen, as top and less
 * do: each row redraws the screen from its top-left corner at the terminal's size of the moment,
 * and closing gives back the screen the console had, with the cursor, so the prompt returns to a
 * tidy terminal. A row that cannot be drawn is said on the screen, not thrown.
 */
final class LiveScreen implements Consumer<JsonNode>, AutoCloseable {
    static final String ENTER = "\u001b[?1049h\u001b[?25l"; // alternate screen, cursor hidden
    static final String LEAVE = "\u001b[?25h\u001b[?1049l"; // cursor shown, the console's screen back
    private static final String HOME = "\u001b[H";
    private static final String CLEAR_LINE_END = "\u001b[K";
    private static final String CLEAR_BELOW = "\u001b[J";

    private final PrintStream out;
    private final LiveView view;
    private final IntSupplier width;
    private final IntSupplier height;
    private int frames;

    LiveScreen(PrintStream out, LiveView view, IntSupplier width, IntSupplier height) {
        this.out = out;
        this.view = view;
        this.width = width;
        this.height = height;
    }

    /** The live view {@code line} calls for, or null for a call printed as usual (or not a call at all). */
    static LiveView viewOf(String line) {
        try {
            return FunctionTable.standard().resolve(ExprParser.parse(line)).live();
        } catch (ParseException | UnknownFunctionException e) {
            return null;
        }
    }

    /**
     * Runs {@code line} on this screen until it ends. A key's cancel is how a live view usually
     * ends, so that is said as a count, not as an error: then null; else the evaluation to print.
     */
    static Evaluator.Evaluation run(Evaluator evaluator, String line, LiveView view, PrintStream out, IntSupplier width,
            IntSupplier height) throws DiagException {
        LiveScreen screen = new LiveScreen(out, view, width, height);
        Evaluator.Evaluation evaluation;
        try (screen) {
            evaluation = evaluator.evaluate(line, (call, spec) -> screen, null); // top() is not high-impact: nothing to ask
        }
        if (evaluation instanceof Evaluator.Evaluation.Answer answer && !answer.outcome().ok()
                && answer.outcome().error() != null && CallError.CANCELLED.equals(answer.outcome().error().code())) {
            out.println(answer.call().text() + " stopped after " + screen.frames() + " samples.");
            return null;
        }
        return evaluation;
    }

    @Override
    public void accept(JsonNode row) {
        List<String> lines;
        try {
            lines = view.frame(row, width.getAsInt(), height.getAsInt());
        } catch (Exception e) {
            lines = List.of("(a sample this shell cannot show; diag --json --cmd prints it as it came)");
        }
        StringBuilder screen = new StringBuilder(frames == 0 ? ENTER + HOME : HOME);
        for (String line : lines) {
            screen.append(line).append(CLEAR_LINE_END).append("\r\n");
        }
        out.print(screen.append(CLEAR_BELOW));
        out.flush();
        frames++;
    }

    /** The frames drawn so far. */
    int frames() {
        return frames;
    }

    @Override
    public void close() {
        if (frames > 0) {
            out.print(LEAVE);
            out.flush();
        }
    }
}
