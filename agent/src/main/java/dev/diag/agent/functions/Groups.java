package dev.diag.agent.functions;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.ProcessGrouping;
import dev.diag.agent.probe.TopFrames;
import dev.diag.agent.probe.VirtualThreads;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.ProcessGroup;
import dev.diag.protocol.result.ProcessGroups;
import java.util.List;

/**
 * {@code groups()} and {@code recon:groups(N)}: every process grouped by kind, state, lock class and
 * top frames, biggest groups first, with one example pid each; the first N (default
 * {@value #DEFAULT_SHOWN}) are shown and the rest counted. See {@link ProcessGrouping} for what is
 * exact and what is sampled. Example: at 1,000,000 parked virtual threads on JDK 25 it answers in
 * well under a second with a handful of groups.
 */
final class Groups extends FunctionBase {
    static final int DEFAULT_SHOWN = 10;
    static final int MAX_SHOWN = 1_000;

    private final VirtualThreads virtualThreads;

    Groups(JdkInternals internals) {
        super(Declaration.GROUPS);
        this.virtualThreads = internals.virtualThreads();
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        int shown = args.count() == 0 ? DEFAULT_SHOWN : args.integer(0, 1, MAX_SHOWN,
                "groups(N) shows the N biggest groups: a whole number from 1 to " + MAX_SHOWN);
        long start = System.nanoTime();
        ProcessGrouping grouping = new ProcessGrouping();
        long platform = grouping.addPlatformThreads();
        long virtual = context.cancelled() ? 0 : grouping.addVirtualThreads(virtualThreads);
        List<ProcessGroup> all = grouping.groups();
        List<ProcessGroup> first = List.copyOf(all.subList(0, Math.min(shown, all.size())));
        long leftOut = all.subList(first.size(), all.size()).stream().mapToLong(ProcessGroup::count).sum();
        return new ProcessGroups(platform + virtual, platform, virtual, first, all.size() - first.size(), leftOut,
                grouping.stacksTaken(), method(virtual, all), note(virtual),
                (System.nanoTime() - start) / 1_000_000);
    }

    private static String method(long virtual, List<ProcessGroup> all) {
        String platform = "platform threads: every stack";
        if (virtual == 0) {
            return platform;
        }
        boolean sampled = all.stream().anyMatch(ProcessGroup::estimated);
        return platform + "; virtual threads: counted exactly by state and lock, "
                + (sampled ? "frames from a sample of at most " + ProcessGrouping.SAMPLES_PER_CLASS
                        + " stacks per state and lock (~ marks a scaled count)" : "every stack");
    }

    /** What the groups leave out: virtual threads the JVM does not list, or cannot count here. */
    private String note(long listed) {
        if (!virtualThreads.available()) {
            return Runtime.version().feature() < 21 ? null : virtualThreads.unavailableNote();
        }
        VirtualThreads.Census census = virtualThreads.census();
        long unlisted = census.virtual() - listed;
        return census.listable() || unlisted <= 0 ? null
                : unlisted + " more virtual threads are counted but not grouped: " + virtualThreads.unlistedNote();
    }
}
