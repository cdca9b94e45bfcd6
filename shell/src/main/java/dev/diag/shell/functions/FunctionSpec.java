package dev.diag.shell.functions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * The shell's knowledge of one agent function: how it may be written (modules, arity), how to
 * explain it (help), and how to show its result. The agent's own list must name the same
 * functions; a test keeps the two in step.
 */
public record FunctionSpec(
        String name,
        int minArity,
        int maxArity,
        Set<String> modules,
        String arguments,
        String summary,
        String example,
        Renderer renderer,
        StreamView stream) {

    /** A function whose answer comes in one piece. */
    public FunctionSpec(String name, int minArity, int maxArity, Set<String> modules, String arguments, String summary,
            String example, Renderer renderer) {
        this(name, minArity, maxArity, modules, arguments, summary, example, renderer, null);
    }

    /** Turns a result into lines no wider than {@code width}. */
    @FunctionalInterface
    public interface Renderer {
        List<String> render(JsonNode result, int width) throws Exception;
    }

    public boolean acceptsArity(int arity) {
        return arity >= minArity && arity <= maxArity;
    }

    /** E.g. {@code memory/0,1}. */
    public String signature() {
        StringBuilder arities = new StringBuilder();
        for (int a = minArity; a <= maxArity; a++) {
            arities.append(a == minArity ? "" : ",").append(a);
        }
        return name + "/" + arities;
    }
}
