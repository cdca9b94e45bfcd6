package dev.diag.shell.functions;

import dev.diag.protocol.function.Answer;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.function.Window;
import dev.diag.shell.expr.Call;
import dev.diag.shell.expr.Term;
import java.util.Set;

/**
 * The shell's knowledge of one function: its declaration, which the agent implements from the
 * same table (name, arities, modules, cost, help), and the view this shell shows its answer in.
 * A view that does not fit how the declaration says the node answers is refused here, when the
 * spec is made (a table makes each on first look-up; {@code FunctionTableTest} makes them all).
 */
public record FunctionSpec(Declaration declaration, FunctionView view) {

    public FunctionSpec {
        boolean streamed = view.stream() != null;
        boolean fits = switch (declaration.answer()) {
            case ONE -> !streamed;
            case STREAM -> streamed;
            case LIVE -> view.stream() instanceof LiveView;
        };
        if (!fits) {
            throw new IllegalStateException(declaration.signature() + " answers " + declaration.answer()
                    + " but its view " + (streamed ? "streams" : "does not stream"));
        }
    }

    public String name() {
        return declaration.function();
    }

    public Set<String> modules() {
        return declaration.modules();
    }

    public String arguments() {
        return declaration.usage().arguments();
    }

    public String summary() {
        return declaration.usage().summary();
    }

    public String example() {
        return declaration.usage().example();
    }

    public boolean acceptsArity(int arity) {
        return declaration.arity().accepts(arity);
    }

    /** E.g. {@code memory/0,1}. */
    public String signature() {
        return declaration.signature();
    }

    /** How long {@code call} holds its answer back by the declared window (proc_window's Ms); 0 for most calls. */
    public long windowMillis(Call call) {
        Window window = declaration.window();
        if (window != null && window.argument() < 0) {
            return window.maxMillis();
        }
        return window != null && call.args().size() > window.argument()
                && call.args().get(window.argument()) instanceof Term.Int millis ? window.millis(millis.value()) : 0;
    }

    public FunctionView.Renderer renderer() {
        return view.renderer();
    }

    /** The view of its rows, for a function that streams; null for one that answers in one piece. */
    public StreamView stream() {
        return view.stream();
    }

    /** The live screen it is drawn on in the console ({@code top()}); null for every other function. */
    public LiveView live() {
        return declaration.answer() == Answer.LIVE ? (LiveView) view.stream() : null;
    }
}
