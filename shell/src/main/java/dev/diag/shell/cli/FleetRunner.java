package dev.diag.shell.cli;

import dev.diag.protocol.node.BadNodeNameException;
import dev.diag.protocol.node.NodeName;
import dev.diag.shell.client.Connector;
import dev.diag.shell.render.ResultPrinter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The same calls on several nodes at once ({@code --nodes a,b,c}, or {@code --node} repeated):
 * one session per node on a small pool, the calls on each node in order. People get one block per
 * node, in the order given, under a {@code == name@host ==} header; {@code --json} gets one object
 * per node per call. The exit status is the most serious failure of any node ({@link ExitCode#worst}).
 * <pre>
 *   $ bin/diag --nodes orders,billing --cmd 'memory(heap)'
 *   == orders@vm ==
 *   15379456   (heap: 14.7 MiB)
 *
 *   == billing@vm ==
 *   billing@vm: cannot reach billing at 127.0.0.1:41237: connection refused; ...
 * </pre>
 * Cost: one thread and one connection per node, at most {@value #MAX_SESSIONS} at a time. A dead
 * node fails at once; a hung one holds its thread for at most the timeout, so a run takes about
 * the slowest node's time, and the timeout more only if more than {@value #MAX_SESSIONS} nodes hang.
 */
public final class FleetRunner {
    /** Sessions open at once: enough for a fleet's round trips to overlap, few enough to be polite. */
    static final int MAX_SESSIONS = 16;

    private FleetRunner() {
    }

    /** Runs {@code commands} on every node in {@code typedNodes}; prints as it goes; returns the exit status. */
    public static ExitCode run(Connector connector, List<String> typedNodes, List<String> commands, boolean json,
            int width, PrintStream out, PrintStream err) {
        ResultPrinter whole = new ResultPrinter(out, FleetOutput.prefixed(err, "diag: "), json, width);
        ExitCode invalid = ScriptRunner.check(commands, null, whole);
        if (invalid != null) {
            return invalid;
        }
        Map<String, String> nodes; // label (name@host as shown) -> what the user typed
        try {
            nodes = labels(typedNodes);
        } catch (BadNodeNameException e) {
            whole.failure(null, null, "invalid", e.getMessage() + ".");
            return ExitCode.USAGE;
        }
        List<String> labels = new ArrayList<>(nodes.keySet());
        if (labels.size() == 1) { // the same node twice is one node: printed as one node always was
            String typed = nodes.get(labels.get(0));
            return ScriptRunner.session(connector, typed, typed, commands, whole);
        }
        FleetOutput blocks = new FleetOutput(out, err, labels.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(labels.size(), MAX_SESSIONS), daemonThreads());
        try {
            List<Future<ExitCode>> sessions = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                int block = i;
                String label = labels.get(i);
                sessions.add(pool.submit(() -> session(connector, nodes.get(label), label, commands, json, width,
                        blocks, block)));
            }
            ExitCode exit = ExitCode.OK;
            for (Future<ExitCode> session : sessions) {
                exit = ExitCode.worst(exit, outcome(session));
            }
            return exit;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Each typed node under the name it is shown with, in the order given, each node once: every
     * item is a full node name ({@code a,b@db1} is a on this host and b on db1).
     */
    static Map<String, String> labels(List<String> typedNodes) throws BadNodeNameException {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String typed : typedNodes) {
            labels.putIfAbsent(NodeName.parse(typed).toString(), typed);
        }
        return labels;
    }

    private static ExitCode session(Connector connector, String typed, String label, List<String> commands,
            boolean json, int width, FleetOutput blocks, int block) {
        try {
            PrintStream out = blocks.out(block);
            if (!json) {
                if (block > 0) {
                    out.println();
                }
                out.println("== " + label + " ==");
            }
            // every sentence on stderr names its node, so a fleet's stderr reads on its own
            PrintStream err = FleetOutput.prefixed(blocks.err(block), "diag: " + label + ": ");
            return ScriptRunner.session(connector, typed, label, commands, new ResultPrinter(out, err, json, width));
        } catch (RuntimeException e) {
            blocks.err(block).println("diag: " + label + ": internal error, please report it: " + e);
            return ExitCode.CALL_FAILED;
        } finally {
            blocks.finish(block);
        }
    }

    private static ExitCode outcome(Future<ExitCode> session) {
        try {
            return session.get();
        } catch (ExecutionException e) {
            return ExitCode.CALL_FAILED; // session() catches everything; kept for the compiler
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.CALL_FAILED;
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "diag-node-" + count.incrementAndGet());
            thread.setDaemon(true); // a node stuck past every timeout never keeps the shell alive
            return thread;
        };
    }
}
