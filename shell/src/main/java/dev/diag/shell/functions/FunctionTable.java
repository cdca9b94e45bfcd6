package dev.diag.shell.functions;

import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.node.NodeList;
import dev.diag.protocol.result.Mailboxes;
import dev.diag.protocol.result.FunctionList;
import dev.diag.protocol.result.MemoryAmount;
import dev.diag.protocol.result.MemoryKind;
import dev.diag.protocol.result.MemoryReport;
import dev.diag.protocol.result.NativeMemory;
import dev.diag.shell.expr.Call;
import dev.diag.shell.render.FunctionListView;
import dev.diag.shell.render.MemoryAmountView;
import dev.diag.shell.render.MemoryView;
import dev.diag.shell.render.NativeMemoryView;
import dev.diag.shell.render.NodeListView;
import dev.diag.shell.render.RegsView;
import dev.diag.shell.render.StatisticsView;
import dev.diag.shell.render.SystemInfoView;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every function the shell can call on a node, in one declarative list (the shell's help
 * table). Resolves what the user typed, with its Erlang module prefix, to the agent's name.
 */
public final class FunctionTable {
    private static final Set<String> ERLANG = Set.of("erlang", "c", "recon");

    private final Map<String, FunctionSpec> byName = new LinkedHashMap<>();

    private FunctionTable(List<FunctionSpec> specs) {
        specs.forEach(spec -> byName.put(spec.name(), spec));
    }

    public static FunctionTable standard() {
        return new FunctionTable(concat(
                new FunctionSpec("memory", 0, 1, ERLANG, "[Kind]",
                        "memory by area: heap, pools, metaspace, code cache, buffers, stacks, GC; "
                                + "memory(Kind) gives one figure (" + MemoryKind.atoms() + "; native: the JVM's Native Memory "
                                + "Tracking summary)",
                        "memory().   memory(heap).",
                        (result, width) -> result.has("categories")
                                ? NativeMemoryView.render(RecordReader.read(result, NativeMemory.class), width)
                                : result.has("kind")
                                ? MemoryAmountView.render(RecordReader.read(result, MemoryAmount.class))
                                : MemoryView.render(RecordReader.read(result, MemoryReport.class), width)),
                new FunctionSpec("regs", 0, 0, ERLANG, "",
                        "the mailboxes, largest first: queues of the thread pools the node's threads work for "
                                + "(found without app changes) and queues the app registered as "
                                + "dev.diag:type=Mailbox MXBeans, with sizes, capacities and owner threads",
                        "regs().",
                        (result, width) -> RegsView.render(RecordReader.read(result, Mailboxes.class), width)),
                new FunctionSpec("system_info", 1, 1, Set.of("erlang"), "Item",
                        "one fact about the node: process_count (live threads, platform and virtual), "
                                + "virtual_process_count (virtual threads alone), process_limit (what limits "
                                + "thread creation), schedulers, version, uptime",
                        "system_info(process_count).   erlang:system_info(process_limit).",
                        SystemInfoView::render),
                new FunctionSpec("statistics", 1, 1, Set.of("erlang"), "Item",
                        "runtime (CPU time), wall_clock (uptime), garbage_collection, run_queue (host load "
                                + "average and this JVM's RUNNABLE threads, labelled)",
                        "statistics(run_queue).   erlang:statistics(garbage_collection).",
                        StatisticsView::render),
                ProcessSpecs.all(),
                HeapSpecs.all(),
                ReconSpecs.all(),
                CodeSpecs.all(),
                HeartSpecs.all(),
                new FunctionSpec("nodes", 0, 0, Set.of("erlang"), "",
                        "the diag nodes on this node's host, from its registry: name, pid, address, JVM, uptime; "
                                + "what --node name@host without a port looks up on the host's directory port",
                        "nodes().",
                        (result, width) -> NodeListView.render(RecordReader.read(result, NodeList.class), width)),
                new FunctionSpec("functions", 0, 0, ERLANG, "",
                        "what the node answers and what each call costs it, as the node says",
                        "functions().",
                        (result, width) -> FunctionListView.render(RecordReader.read(result, FunctionList.class), width))));
    }

    /** The specs of each family of functions, in one list. */
    private static List<FunctionSpec> concat(Object... specsOrLists) {
        List<FunctionSpec> all = new java.util.ArrayList<>();
        for (Object item : specsOrLists) {
            if (item instanceof FunctionSpec spec) {
                all.add(spec);
            } else {
                for (Object spec : (List<?>) item) {
                    all.add((FunctionSpec) spec);
                }
            }
        }
        return all;
    }

    public List<FunctionSpec> all() {
        return List.copyOf(byName.values());
    }

    public Optional<FunctionSpec> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The spec a call means, or a sentence saying why it means none. */
    public FunctionSpec resolve(Call call) throws UnknownFunctionException {
        FunctionSpec spec = byName.get(call.function());
        String written = (call.module() == null ? "" : call.module() + ":") + call.function() + "/" + call.args().size();
        if (spec == null || (call.module() != null && !spec.modules().contains(call.module()))) {
            throw new UnknownFunctionException("there is no function " + written + suggestion(call.function()));
        }
        if (!spec.acceptsArity(call.args().size())) {
            throw new UnknownFunctionException("there is no function " + written + "; did you mean "
                    + spec.signature() + "? help(" + spec.name() + ") shows its arguments");
        }
        return spec;
    }

    private String suggestion(String typed) {
        List<String> near = byName.keySet().stream()
                .filter(name -> EditDistance.between(name, typed) <= Math.max(1, typed.length() / 3))
                .sorted(Comparator.comparingInt(name -> EditDistance.between(name, typed)))
                .limit(3)
                .toList();
        return near.isEmpty() ? "; help() lists them all" : "; did you mean " + String.join(" or ", near) + "?";
    }
}
