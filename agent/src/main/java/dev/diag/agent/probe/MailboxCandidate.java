package dev.diag.agent.probe;

import java.util.List;

/**
 * A mailbox found during one scan, before names are made unique: what becomes a {@link Mailbox},
 * plus the object it was found through ({@code source}: the executor, null for a registered
 * MXBean), its queue's conditions, for matching parked threads, and its {@link FlowMeter} (null
 * where its queue counts nothing), for rates.
 */
public record MailboxCandidate(String name, String kind, int size, Integer capacity, List<Long> owners, Object source,
        List<Object> conditions, Integer scheduled, Integer busy, Integer maxThreads, FlowMeter flow) {

    /** A plain queue: nothing scheduled, no pool figures, no meter. */
    public MailboxCandidate(String name, String kind, int size, Integer capacity, List<Long> owners, Object source,
            List<Object> conditions) {
        this(name, kind, size, capacity, owners, source, conditions, null, null, null, null);
    }

    /** The same mailbox with its pool's busy threads and the most it may start (either may be null). */
    public MailboxCandidate withThreads(Integer busyNow, Integer max) {
        return new MailboxCandidate(name, kind, size, capacity, owners, source, conditions, scheduled, busyNow, max, flow);
    }

    /** The same mailbox with a meter of what leaves it (null: none). */
    public MailboxCandidate withFlow(FlowMeter meter) {
        return new MailboxCandidate(name, kind, size, capacity, owners, source, conditions, scheduled, busy, maxThreads,
                meter);
    }

    MailboxCandidate withName(String newName) {
        return new MailboxCandidate(newName, kind, size, capacity, owners, source, conditions, scheduled, busy,
                maxThreads, flow);
    }

    Mailbox toMailbox() {
        return new Mailbox(name, kind, size, capacity, owners, scheduled, busy, maxThreads);
    }

    public static int saturated(long n) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, n));
    }
}
