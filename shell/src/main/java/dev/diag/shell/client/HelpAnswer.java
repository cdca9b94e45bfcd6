package dev.diag.shell.client;

import dev.diag.protocol.function.Impact;
import dev.diag.protocol.result.FunctionInfo;
import dev.diag.protocol.result.FunctionList;
import dev.diag.shell.client.Evaluator.Evaluation;
import dev.diag.shell.expr.Call;
import dev.diag.shell.expr.ExprParser;
import dev.diag.shell.expr.ParseException;
import dev.diag.shell.functions.FunctionSpec;
import dev.diag.shell.functions.FunctionTable;
import dev.diag.shell.render.HelpView;
import dev.diag.shell.render.Wrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code help()} and {@code help(Fn)}, answered by the shell from its own table, so they work
 * with no node attached. Given what a connected node says it answers, they also say which of
 * the table's functions that node lacks (an older agent), and help(Fn) shows the node's own
 * statement of the cost where it has one, else the declared one.
 */
public final class HelpAnswer {
    private HelpAnswer() {
    }

    /** True for {@code help()} and {@code help(Fn)}, which never go to a node. */
    public static boolean isHelp(Call call) {
        return call.function().equals("help") && call.module() == null;
    }

    /** The answer to {@code line} if it is a help call, given no node (no node attached, or none needed); else empty. */
    public static Optional<Evaluation> withoutNode(FunctionTable table, String line) {
        try {
            Call call = ExprParser.parse(line);
            return isHelp(call) ? Optional.of(of(table, call, null)) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** The answer to a help call; {@code node} is the connected node's list, or null without one (or when it could not say). */
    public static Evaluation of(FunctionTable table, Call call, FunctionList node) {
        if (call.args().isEmpty()) {
            List<String> lacking = table.all().stream().filter(spec -> node != null && stated(node, spec).isEmpty())
                    .map(FunctionSpec::signature).toList();
            return new Evaluation.Local(call.text(), width -> {
                List<String> lines = new ArrayList<>(HelpView.overview(table.all(), width));
                if (!lacking.isEmpty()) {
                    lines.addAll(Wrap.words("This node lacks " + String.join(", ", lacking) + ": its agent is older "
                            + "than this shell.", Math.max(20, width)));
                }
                return lines;
            });
        }
        String name = call.args().get(0).text();
        Optional<FunctionSpec> found = table.find(name);
        if (found.isEmpty()) {
            String sentence = unknown(name);
            return new Evaluation.Invalid(call.text(), sentence, sentence);
        }
        FunctionSpec spec = found.get();
        Optional<FunctionInfo> info = node == null ? Optional.empty() : stated(node, spec);
        Impact declared = spec.declaration().impact();
        String cost = info.map(i -> i.impactLevel() + ": " + i.impact())
                .orElse(declared.level() + ": " + declared.description());
        boolean lacked = node != null && info.isEmpty();
        return new Evaluation.Local(call.text(), width -> {
            List<String> lines = new ArrayList<>(HelpView.of(spec, cost, width));
            if (lacked) {
                lines.add("  not on this node: its agent is older than this shell");
            }
            return lines;
        });
    }

    /** What help(Fn) says of a name no function has. */
    static String unknown(String name) {
        return "no function named " + name + "; help() lists them all";
    }

    private static Optional<FunctionInfo> stated(FunctionList node, FunctionSpec spec) {
        return node.functions().stream().filter(f -> f.name().equals(spec.name())).findFirst();
    }
}
