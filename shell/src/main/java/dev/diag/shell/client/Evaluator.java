package dev.diag.shell.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.FunctionInfo;
import dev.diag.protocol.result.FunctionList;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import dev.diag.shell.expr.Call;
import dev.diag.shell.expr.ExprParser;
import dev.diag.shell.expr.ParseException;
import dev.diag.shell.functions.FunctionSpec;
import dev.diag.shell.functions.FunctionTable;
import dev.diag.shell.functions.UnknownFunctionException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * One line in, one {@link Evaluation} out: parse, resolve against the function table, call the
 * node, keep the result as data. Shared by {@code --cmd} and the console, which only differ in
 * how they print. A lost connection is a {@link DiagException}: the session is over.
 */
public final class Evaluator {
    private final FunctionTable table;
    private final DiagClient client;
    private final int timeoutMillis;
    private volatile FunctionList functions; // the node's own list, fetched once: help(Fn) and the confirmation read it
    private volatile boolean costsUnknown; // the last look found a node unable to list its functions (busy, slow)
    private final JcmdImpacts jcmdImpacts;

    public Evaluator(FunctionTable table, DiagClient client, int timeoutMillis) {
        this.table = table;
        this.client = client;
        this.timeoutMillis = timeoutMillis;
        this.jcmdImpacts = new JcmdImpacts(client, timeoutMillis);
    }

    /** Parses and resolves without calling; used to check every --cmd before connecting. */
    public static Call check(FunctionTable table, String line) throws DiagException {
        try {
            Call call = ExprParser.parse(line);
            if (!HelpAnswer.isHelp(call)) {
                table.resolve(call);
            } else if (!call.args().isEmpty() && table.find(call.args().get(0).text()).isEmpty()) {
                throw new DiagException(ExitCode.USAGE, sentence(HelpAnswer.unknown(call.args().get(0).text())));
            }
            return call;
        } catch (ParseException e) {
            throw new DiagException(ExitCode.USAGE, sentence(e.sentence()));
        } catch (UnknownFunctionException e) {
            throw new DiagException(ExitCode.USAGE, sentence(e.getMessage()));
        }
    }

    /** {@code text} ended as a sentence: "did you mean memory?" keeps its question mark, without a full stop after it. */
    private static String sentence(String text) {
        return text.endsWith("?") || text.endsWith(".") ? text : text + ".";
    }

    /** Where the rows of a streamed answer go as they arrive; given the call and its spec. */
    @FunctionalInterface
    public interface RowSinks {
        Consumer<JsonNode> open(Call call, FunctionSpec spec);
    }

    /**
     * Asked before a call the node says is high-impact, with the node's own sentence of what it
     * costs, or with null when the node could not say what calls cost (then every call is asked
     * about); false leaves the call unsent. The console asks; scripts pass none (the call was written out).
     */
    @FunctionalInterface
    public interface Confirmation {
        boolean allow(Call call, String impact);
    }

    /**
     * Evaluates {@code line}; rows of a streamed answer go to {@code sinks} as they arrive; a
     * high-impact call is made only if {@code confirmation} (when given) allows it.
     */
    public Evaluation evaluate(String line, RowSinks sinks, Confirmation confirmation) throws DiagException {
        Call call;
        try {
            call = ExprParser.parse(line);
        } catch (ParseException e) {
            return new Evaluation.Invalid(line, e.pointer(), e.sentence());
        }
        if (HelpAnswer.isHelp(call)) {
            return help(call);
        }
        FunctionSpec spec;
        try {
            spec = table.resolve(call);
        } catch (UnknownFunctionException e) {
            return new Evaluation.Invalid(line, e.getMessage(), e.getMessage());
        }
        if (confirmation != null) {
            FunctionInfo info = info(spec.name());
            // fail closed: while a node cannot say what its calls cost (busy, slow), every call is asked about
            boolean ask = info != null ? info.impactLevel().equals("HIGH") : costsUnknown;
            String impact = info == null ? null : info.impact();
            if (info != null && JcmdImpacts.judges(call, spec.name())) { // jcmd costs what its command costs
                JcmdImpacts.Verdict verdict = jcmdImpacts.of(call);
                ask = verdict.ask();
                impact = verdict.impact();
            }
            if (ask && !confirmation.allow(call, impact)) {
                return new Evaluation.Local(call.text(), width -> List.of("Not run: nothing was sent to the node."));
            }
        }
        try {
            // a windowed call answers after its window: the timeout covers the wait for the node, not the window
            int timeout = timeoutMillis == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, timeoutMillis + spec.windowMillis(call));
            CallOutcome outcome = sinks == null || spec.stream() == null
                    ? client.call(spec.name(), call.jsonArgs(), timeout)
                    : client.call(spec.name(), call.jsonArgs(), timeout, sinks.open(call, spec));
            return new Evaluation.Answer(call, spec, outcome);
        } catch (SocketTimeoutException e) {
            throw new DiagException(ExitCode.UNREACHABLE, call.text() + " got no answer within "
                    + timeoutMillis / 1000 + " s; raise --timeout for slow calls.");
        } catch (IOException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "lost the connection to the node during "
                    + call.text() + ": " + e.getMessage() + ".");
        }
    }

    public DiagClient client() {
        return client;
    }

    /** help() and help(Fn) from the shell's table, told which functions the node answers where it can say. */
    private Evaluation help(Call call) {
        return HelpAnswer.of(table, call, nodeFunctions());
    }

    /**
     * What the node says about {@code function}, its cost above all; null if it cannot say, and then
     * {@link #costsUnknown} tells a node that answered without the list (busy, slow) from a lost
     * connection, on which any call fails on its own with a clearer sentence.
     */
    private FunctionInfo info(String function) {
        FunctionList list = nodeFunctions();
        return list == null ? null
                : list.functions().stream().filter(f -> f.name().equals(function)).findFirst().orElse(null);
    }

    /** The node's own list of its functions, asked once; null (and {@link #costsUnknown} set) if it cannot say. */
    private FunctionList nodeFunctions() {
        costsUnknown = false;
        try {
            if (functions == null) {
                CallOutcome outcome = client.call("functions", List.of(), timeoutMillis);
                if (!outcome.ok()) {
                    costsUnknown = true;
                    return null;
                }
                functions = RecordReader.read(outcome.result(), FunctionList.class);
            }
            return functions;
        } catch (SocketTimeoutException e) {
            costsUnknown = true;
            return null;
        } catch (IOException e) {
            return null; // help still helps without the node's word; the call itself will say the connection is gone
        }
    }

    /** What one line came to. */
    public sealed interface Evaluation {
        /** Printed by the shell itself, e.g. help(). */
        record Local(String call, IntFunction<List<String>> render) implements Evaluation {
        }

        /** The node's answer, success or error. */
        record Answer(Call call, FunctionSpec spec, CallOutcome outcome) implements Evaluation {
        }

        /** Not a call we can make: {@code shown} for the console, {@code sentence} for scripts. */
        record Invalid(String line, String shown, String sentence) implements Evaluation {
        }
    }
}
