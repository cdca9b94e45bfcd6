package dev.diag.shell.render;

import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.FunctionInfo;
import dev.diag.protocol.result.FunctionList;
import java.util.ArrayList;
import java.util.List;

/** {@code functions()}: each function the node answers and what it costs, as the node says. */
public final class FunctionListView {
    private FunctionListView() {
    }

    public static List<String> render(FunctionList list, int width) {
        List<String> lines = new ArrayList<>();
        for (FunctionInfo f : list.functions()) {
            String arities = f.minArity() == f.maxArity() ? Integer.toString(f.minArity()) : f.minArity() + ".." + f.maxArity();
            // as it is typed (trace:stop for the node's trace_stop); a function this shell does not know, by the node's name
            String typed = Declaration.find(f.name()).map(Declaration::typed).orElse(f.name());
            ProcessInfoView.item(lines, width, typed + "/" + arities, f.impactLevel() + ": " + f.impact());
        }
        return lines;
    }
}
