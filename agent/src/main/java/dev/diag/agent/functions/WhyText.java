package dev.diag.agent.functions;

import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFlows;
import dev.diag.agent.probe.TopFrames;
import dev.diag.protocol.result.LockRef;
import dev.diag.protocol.result.ProcessRef;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of {@code why()}'s findings: a process as {@code <11> AsyncAppender-Worker-ASYNC}, where
 * it is as {@code SlowAppender.append → Thread.sleep} (its first frame outside the JDK, then the
 * frame it waits or runs in), and the figures. The findings are sentences the agent states, as
 * jcmd's are; the shell lays them out. The top frames of the threads named are taken here, once,
 * in one batch ({@link TopFrames#stacks}: JDK 17 one short pause of those threads, JDK 21+ none).
 */
final class WhyText {
    static final int DEPTH = 16;

    private final WhyThreads infos;
    private final Map<Long, StackTraceElement[]> stacks;
    private final Map<Long, String> virtualNames;
    private final Map<Long, Thread> virtual;

    private WhyText(WhyThreads infos, Map<Long, StackTraceElement[]> stacks, Map<Long, String> virtualNames,
            Map<Long, Thread> virtual) {
        this.infos = infos;
        this.stacks = stacks;
        this.virtualNames = virtualNames;
        this.virtual = virtual;
    }

    /**
     * The words for the platform threads {@code wanted}, and for virtual ones ThreadMXBean cannot
     * see: {@code virtualNames} by pid, and the {@code virtual} threads whose frames are wanted too,
     * each walking its own stack (a virtual thread is never paused for it).
     */
    static WhyText of(WhyThreads infos, Set<Long> wanted, Map<Long, String> virtualNames, Map<Long, Thread> virtual) {
        long[] ids = wanted.stream().filter(id -> !virtual.containsKey(id)).mapToLong(Long::longValue).toArray();
        Map<Long, StackTraceElement[]> stacks = new HashMap<>(ids.length == 0 ? Map.of() : TopFrames.stacks(ids, DEPTH));
        for (Map.Entry<Long, Thread> e : virtual.entrySet()) {
            if (wanted.contains(e.getKey())) {
                stacks.put(e.getKey(), e.getValue().getStackTrace());
            }
        }
        return new WhyText(infos, stacks, virtualNames, virtual);
    }

    String name(long pid) {
        String name = nameOf(pid);
        return "<" + pid + ">" + (name == null ? "" : " " + name);
    }

    private String nameOf(long pid) {
        ThreadInfo info = infos.get(pid);
        if (info != null) {
            return info.getThreadName();
        }
        Thread thread = virtual.get(pid);
        return thread != null ? (thread.getName().isEmpty() ? "(virtual)" : thread.getName()) : virtualNames.get(pid);
    }

    String state(long pid) {
        ThreadInfo info = infos.get(pid);
        Thread thread = virtual.get(pid);
        return info != null ? info.getThreadState().name() : thread != null ? thread.getState().name() : "ended";
    }

    /**
     * {@code SlowAppender.append → Thread.sleep}: the first frame of the app's (not the JDK's, not a
     * lambda's generated class), then the frame it waits or runs in; one frame where they are the same.
     */
    String where(long pid) {
        StackTraceElement[] stack = stacks.get(pid);
        if (stack == null || stack.length == 0) {
            return "an unknown function";
        }
        StackTraceElement top = TopFrames.interesting(stack);
        int at = TopFrames.firstInteresting(stack);
        for (int i = at; i < stack.length; i++) {
            if (!isJdk(stack[i].getClassName()) && !stack[i].getClassName().contains("$$Lambda")) {
                return i == at ? TopFrames.shortName(stack[i])
                        : TopFrames.shortName(stack[i]) + " → " + TopFrames.shortName(top);
            }
        }
        return TopFrames.shortName(top);
    }

    List<ProcessRef> refs(List<Long> pids, int max) {
        List<ProcessRef> refs = new ArrayList<>(Math.min(max, pids.size()));
        for (long pid : pids) {
            if (refs.size() == max) {
                break;
            }
            if (refs.stream().noneMatch(r -> r.pid() == pid)) {
                refs.add(new ProcessRef(pid, nameOf(pid)));
            }
        }
        return refs;
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
                || type.startsWith("sun.") || type.startsWith("com.sun.");
    }

    static String ref(ProcessRef ref) {
        return "<" + ref.pid() + "> " + ref.name();
    }

    static String lock(LockRef lock) {
        return lock == null ? "a lock" : lock.className() + "@" + Integer.toHexString(lock.identityHashCode());
    }

    static String shortClass(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    static String size(Mailbox m) {
        return m.capacity() == null ? n(m.size()) + " (unbounded)"
                : n(m.size()) + "/" + n(m.capacity()) + " (" + percent((double) m.size() / Math.max(1, m.capacity())) + ")";
    }

    static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String signed(long value) {
        return (value >= 0 ? "+" : "") + n(value);
    }

    /** "20/s", "2.5/s", "5,000/s": items a second, a decimal only below 10. */
    static String rate(double perSecond) {
        if (perSecond >= 9.95) {
            return n(Math.round(perSecond)) + "/s";
        }
        String one = String.format(Locale.ROOT, "%.1f", perSecond);
        return (one.endsWith(".0") ? one.substring(0, one.length() - 2) : one) + "/s";
    }

    /**
     * "20/s out, 5,000/s in": a mailbox's drain against its arrivals over the window; "nothing left
     * it in the window" where nothing did, as a number would read like a broken counter.
     */
    static String rates(MailboxFlows.Flow flow) {
        if (flow.outPerSecond() == 0) {
            return "nothing left it in the window" + (flow.inPerSecond() == 0 ? "" : ", " + rate(flow.inPerSecond()) + " in");
        }
        return (flow.atLeast() ? "at least " : "") + rate(flow.outPerSecond()) + " out, " + rate(flow.inPerSecond()) + " in";
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    static String millis(long millis) {
        return millis < 10_000 ? n(millis) + " ms" : millis < 120_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
                : n(Math.round(millis / 60_000.0)) + " min";
    }

    static String bytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024.0));
    }
}
