package dev.diag.agent.functions;

import dev.diag.agent.probe.GcHistory;
import dev.diag.protocol.result.Finding;
import dev.diag.protocol.result.ProcessRef;
import dev.diag.protocol.result.ShutdownHook;
import dev.diag.protocol.result.ShutdownState;
import dev.diag.protocol.result.ThreadLimits;
import dev.diag.protocol.result.WhyReport;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of one {@code why()} sample about the node as a whole rather than some threads:
 * shutting down, heap near its max with the GC's share of the time, threads near their tightest
 * limit. They go into the {@link WhyFindings} being built, ranked with the rest.
 */
final class WhyNodeFindings {
    static final double HEAP_FULL = 0.9;       // of the heap's max, after the window
    static final double GC_HOLDS_UP = 0.2;     // GC share of the window above which every process waits on it
    static final double LIMIT_NEAR = 0.9;      // of the tightest thread limit
    static final long MINUTE_AT_LEAST = 5_000; // GC history shorter than this is no better than the window

    private final WhyFindings.Sample s;
    private final WhyFindings into;

    WhyNodeFindings(WhyFindings.Sample sample, WhyFindings into) {
        this.s = sample;
        this.into = into;
    }

    // ---- shutdown: the whole node is going down; the hooks still running are the culprits

    void shutdown() {
        ShutdownState state = s.shutdown();
        if (!state.inShutdown()) {
            into.checked("not shutting down");
            return;
        }
        List<Long> hooks = new ArrayList<>();
        state.hooks().forEach(h -> {
            if (h.pid() > 0) {
                hooks.add(h.pid());
            }
        });
        into.add(hooks, text -> {
            List<String> evidence = new ArrayList<>();
            if (state.sinceMillis() != null) {
                evidence.add("shutting down for " + WhyText.millis(System.currentTimeMillis() - state.sinceMillis()));
            }
            if (state.exitedBy() != null) {
                evidence.add("shutdown run by " + WhyText.ref(state.exitedBy()));
            }
            for (ShutdownHook hook : state.hooks()) {
                evidence.add("hook " + (hook.pid() > 0 ? "<" + hook.pid() + "> " : "") + hook.name() + ": " + hook.state()
                        + (hook.pid() > 0 ? " in " + text.where(hook.pid()) : ""));
            }
            if (state.note() != null) {
                evidence.add(state.note());
            }
            ShutdownHook first = state.hooks().stream().filter(h -> h.pid() > 0).findFirst().orElse(null);
            List<ProcessRef> pids = new ArrayList<>();
            if (first != null) {
                pids.add(new ProcessRef(first.pid(), first.name()));
            }
            if (state.exitedBy() != null) {
                pids.add(state.exitedBy());
            }
            String summary = "The JVM is shutting down" + (first == null ? ""
                    : ", waiting for shutdown hook <" + first.pid() + "> " + first.name() + " in "
                            + text.where(first.pid())) + ".";
            return new Finding(Finding.SHUTDOWN, summary, s.threads().size(), evidence, pids,
                    first == null ? "system_info(shutdown)" : "process_info(<" + first.pid() + ">, backtrace)");
        });
    }

    // ---- heap near its max, with the GC's share of the time

    void heap() {
        MemoryUsage heap = s.heap();
        long max = max(heap);
        double used = max > 0 ? (double) heap.getUsed() / max : 0;
        double gcWindow = (double) s.gcWindowMillis() / s.windowMillis();
        double gcSinceStart = s.uptimeMillis() > 0 ? (double) s.gcTotalMillis() / s.uptimeMillis() : 0;
        GcHistory.Minute minute = s.gcMinute();
        boolean listened = minute.coveredMillis() >= MINUTE_AT_LEAST;
        String span = minute.coveredMillis() >= 60_000 ? "the last minute"
                : "the last " + WhyText.millis(minute.coveredMillis()) + " (diag has listened that long)";
        into.checked("heap " + WhyText.percent(used) + " of max, GC " + WhyText.percent(gcWindow) + " of the window"
                + (listened ? " and " + WhyText.percent(minute.share()) + " of " + span : ""));
        if (used < HEAP_FULL) {
            return;
        }
        // every process stops for the collector
        boolean gcBound = gcWindow >= GC_HOLDS_UP || listened && minute.share() >= GC_HOLDS_UP;
        int heldUp = gcBound ? s.threads().size() : 0;
        List<String> evidence = new ArrayList<>();
        evidence.add(used(heap, max, used) + " after the window");
        if (listened) {
            evidence.add("GC pauses " + WhyText.millis(minute.gcMillis()) + " of " + span + " ("
                    + WhyText.percent(minute.share()) + ")");
        }
        evidence.add("GC time " + s.gcWindowMillis() + " ms of the " + s.windowMillis() + " ms window ("
                + WhyText.percent(gcWindow) + ")");
        evidence.add("GC time since start " + WhyText.millis(s.gcTotalMillis()) + " of "
                + WhyText.millis(s.uptimeMillis()) + " (" + WhyText.percent(gcSinceStart) + ")");
        String took = listened ? WhyText.percent(minute.share()) + " of " + span
                : WhyText.percent(gcWindow) + " of the last " + s.windowMillis() + " ms";
        into.add(List.of(), text -> new Finding(Finding.HEAP, "Heap is " + WhyText.percent(used) + " full ("
                + WhyText.bytes(heap.getUsed()) + " of " + WhyText.bytes(max) + ") and GC took " + took + ".",
                heldUp, evidence, List.of(), "memory()"));
    }

    /** The report when the heap was too full for why() to sample: the heap finding from its counters alone. */
    static WhyReport heapTooFull(MemoryUsage heap, long gcTotalMillis, long uptimeMillis,
            long nodeMillis) {
        long max = max(heap);
        double used = max > 0 ? (double) heap.getUsed() / max : 1;
        Finding finding = new Finding(Finding.HEAP, "Heap is " + WhyText.percent(used) + " full ("
                + WhyText.bytes(heap.getUsed()) + " of " + WhyText.bytes(max) + "): why() itself ran out of heap "
                + "while sampling.", Thread.activeCount(), List.of(
                        used(heap, max, used),
                        "an allocation of why()'s failed with OutOfMemoryError",
                        "GC time since start " + WhyText.millis(gcTotalMillis) + " of " + WhyText.millis(uptimeMillis)
                                + " (" + WhyText.percent(uptimeMillis > 0 ? (double) gcTotalMillis / uptimeMillis : 0)
                                + ")"),
                List.of(), "memory()");
        return new WhyReport(List.of(finding), 0, nodeMillis,
                "only the heap was checked: the sample could not be taken");
    }

    /** The heap's bound: its max, or what is committed where the JVM sets none. */
    private static long max(MemoryUsage heap) {
        return heap.getMax() > 0 ? heap.getMax() : heap.getCommitted();
    }

    private static String used(MemoryUsage heap, long max, double used) {
        return "heap used " + WhyText.bytes(heap.getUsed()) + " of " + WhyText.bytes(max) + " max ("
                + WhyText.percent(used) + ")";
    }

    // ---- threads near the tightest limit

    void processLimit() {
        ThreadLimits limits = s.limits();
        ThreadLimits.Limit tightest = limits.limit(limits.tightest());
        if (tightest == null || tightest.max() == null || tightest.used() == null || tightest.max() <= 0) {
            into.checked(WhyText.n(limits.jvmThreads()) + " threads, no thread limit known");
            return;
        }
        double share = (double) tightest.used() / tightest.max();
        into.checked(WhyText.n(tightest.used()) + " of " + WhyText.n(tightest.max()) + " threads (" + limits.tightest() + ")");
        if (share < LIMIT_NEAR) {
            return;
        }
        into.add(List.of(), text -> new Finding(Finding.PROCESS_LIMIT, "Threads are at " + WhyText.percent(share)
                + " of their tightest limit (" + limits.tightest() + ": " + WhyText.n(tightest.used()) + " of "
                + WhyText.n(tightest.max()) + ").", 0, List.of(
                        limits.tightest() + " " + WhyText.n(tightest.max()) + " (" + tightest.source() + "), used "
                                + (tightest.usedIsLowerBound() ? "at least " : "") + WhyText.n(tightest.used())
                                + ", headroom " + WhyText.n(tightest.headroom() == null ? 0 : tightest.headroom()),
                        "this JVM's live platform threads: " + WhyText.n(limits.jvmThreads())),
                List.of(), "system_info(process_limit)"));
    }
}
