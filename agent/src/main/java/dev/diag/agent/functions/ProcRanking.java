package dev.diag.agent.functions;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import dev.diag.agent.probe.ThreadTable;
import dev.diag.agent.probe.ThreadWindow;
import dev.diag.agent.probe.TopFrames;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code recon:proc_count} and {@code recon:proc_window} share: their arguments, one
 * reading of an attribute for every thread (bulk counters, or the mailbox each thread drains),
 * and the facts of the few winners (name and state without stacks, then their top frames only).
 */
final class ProcRanking {
    static final int MAX_N = 1000;

    enum Attribute { REDUCTIONS, MEMORY, MESSAGE_QUEUE_LEN }

    /** Every thread's value of one attribute at one instant; ids ascending, -1 where not measured. */
    record Reading(long nanos, long[] ids, long[] values, String note) {
    }

    /** A winner's name, state and current function; name and state null when it ended meanwhile. */
    record Facts(String name, String state, String currentFunction) {
    }

    private final MailboxFinder mailboxes;

    ProcRanking(JdkInternals internals) {
        this.mailboxes = new MailboxFinder(internals);
    }

    static Attribute attribute(Args args) throws FunctionException {
        return args.oneOf(0, Attribute.class, "attribute");
    }

    static int count(Args args) throws FunctionException {
        return args.integer(1, 1, MAX_N, "N must be a whole number from 1 to " + MAX_N + ", the processes to list");
    }

    Reading read(Attribute attribute) {
        ThreadWindow.Snapshot counters = ThreadWindow.take();
        return switch (attribute) {
            case REDUCTIONS -> new Reading(counters.nanos(), counters.ids(), counters.cpu(), unmeasured(counters.cpu(), "CPU time"));
            case MEMORY -> new Reading(counters.nanos(), counters.ids(), counters.allocated(),
                    unmeasured(counters.allocated(), "allocated bytes"));
            case MESSAGE_QUEUE_LEN -> queues(counters);
        };
    }

    /** Each thread's mailbox size; a thread that drains none is left out (-1), as the JVM has no mailbox per thread. */
    private Reading queues(ThreadWindow.Snapshot counters) {
        MailboxSnapshot boxes = mailboxes.scan(LiveThreads.byId().values());
        long[] sizes = new long[counters.ids().length];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = boxes.servedBy(counters.ids()[i]).map(Mailbox::size).orElse(-1);
        }
        return new Reading(counters.nanos(), counters.ids(), sizes, boxes.note());
    }

    /** Name, state and current function of each winner: no stack but theirs is taken. */
    static Map<Long, Facts> facts(List<ThreadWindow.Change> winners) {
        long[] ids = winners.stream().mapToLong(ThreadWindow.Change::id).toArray();
        Map<Long, Facts> facts = new HashMap<>(ids.length * 2);
        if (ids.length == 0) {
            return facts;
        }
        ThreadInfo[] infos = ThreadTable.bean().getThreadInfo(ids, 0);
        Map<Long, StackTraceElement> frames = TopFrames.of(ids);
        for (int i = 0; i < ids.length; i++) {
            StackTraceElement frame = frames.get(ids[i]);
            facts.put(ids[i], new Facts(infos[i] == null ? null : infos[i].getThreadName(),
                    infos[i] == null ? "ENDED" : infos[i].getThreadState().name(),
                    frame == null ? null : TopFrames.shortName(frame)));
        }
        return facts;
    }

    /** What the ranking cannot see, as one or two sentences; null when nothing. */
    static String note(Attribute attribute, String seen) {
        String virtual = Runtime.version().feature() < 21 ? null : switch (attribute) {
            case REDUCTIONS, MEMORY -> "Virtual threads are not ranked: the JVM measures neither CPU time nor "
                    + "allocation per virtual thread; what they do counts on the carrier threads that run them "
                    + "(ForkJoinPool-1-worker-N).";
            case MESSAGE_QUEUE_LEN -> "Virtual threads are not ranked: they serve no pool the agent can see.";
        };
        if (seen == null) {
            return virtual;
        }
        return virtual == null ? seen : seen + " " + virtual;
    }

    private static String unmeasured(long[] values, String what) {
        for (long value : values) {
            if (value >= 0) {
                return null;
            }
        }
        return values.length == 0 ? null : "This JVM does not measure " + what + " per thread (disabled or unsupported).";
    }
}
