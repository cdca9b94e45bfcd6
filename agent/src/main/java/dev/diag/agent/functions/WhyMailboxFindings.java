package dev.diag.agent.functions;

import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFlows;
import dev.diag.agent.probe.VirtualWaits;
import dev.diag.protocol.result.Finding;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mailbox findings of a {@code why()} sample: a mailbox at or near capacity, growing, backed
 * up or with processes parked putting into it (its drain against its arrivals, what its drainer
 * does), and a saturated pool. Found into the {@link WhyFindings} that made it, which also learns
 * from it which processes wait on a mailbox (they are not a lock's convoy).
 */
final class WhyMailboxFindings {
    static final double FULL = 0.9;            // a bounded mailbox this full is at capacity
    static final int GROWING = 10;             // grew by at least this many in the window ...
    static final int GROWING_SIZE = 50;        // ... and holds at least this many at its end
    static final int BACKLOG = 1_000;          // this many waiting is a backlog, growing or not
    private static final int MAX_PIDS = WhyFindings.MAX_PIDS;

    /**
     * The processes parked putting into one mailbox: {@code count} of them, {@code virtual} of those
     * virtual threads; {@code pids} the platform ones and a few of the virtual ones.
     */
    private record Parked(List<Long> pids, int count, int virtual) {
        static final Parked NONE = new Parked(List.of(), 0, 0);

        /** "12 process(es)", "1,012 process(es) (1,000 of them virtual)". */
        String processes() {
            return WhyText.n(count) + " process(es)" + (virtual == 0 ? "" : " (" + WhyText.n(virtual) + " of them virtual)");
        }
    }

    private final WhyFindings.Sample s;
    private final WhyFindings into;
    private final WhyThreads infos;
    private final Map<String, List<Long>> producers = new HashMap<>(); // mailbox name → non-owners parked on it
    private final Map<String, Set<Long>> idle = new HashMap<>();       // mailbox name → owners parked waiting for work

    WhyMailboxFindings(WhyFindings.Sample sample, WhyFindings into) {
        this.s = sample;
        this.into = into;
        this.infos = sample.threads();
        for (Thread thread : sample.live()) {
            Mailbox box = sample.boxesAfter().waitedOnBy(thread).orElse(null);
            if (box != null && infos.containsKey(thread.getId())) {
                boolean owner = box.ownerThreadIds().contains(thread.getId());
                (owner ? idle.computeIfAbsent(box.name(), k -> new HashSet<>())
                        : producers.computeIfAbsent(box.name(), k -> new ArrayList<>())).add(thread.getId());
            }
        }
        producers.values().forEach(list -> list.sort(null));
    }

    /** The platform threads parked putting into any mailbox. */
    Set<Long> producers() {
        Set<Long> all = new HashSet<>();
        producers.values().forEach(all::addAll);
        return all;
    }

    /** Every mailbox's finding, if it has one, and the pool's where it is saturated. */
    void mailboxes() {
        Map<String, Mailbox> before = new HashMap<>();
        s.boxesBefore().all().forEach(m -> before.put(m.name(), m));
        Mailbox largest = null;
        for (Mailbox m : s.boxesAfter().all()) {
            largest = largest == null ? m : largest;
            Mailbox was = before.get(m.name());
            Parked parked = parked(m);
            int growth = was == null ? 0 : m.size() - was.size();
            boolean full = m.capacity() != null && m.capacity() > 0 && m.size() >= FULL * m.capacity();
            boolean growing = was != null && growth >= GROWING && m.size() >= GROWING_SIZE;
            int heldUp = parked.count() == 0 ? m.size() : parked.count();
            Long drainer = drainer(m);
            boolean backlog = m.size() >= BACKLOG;
            if (full || growing || backlog || parked.count() > 0) {
                mailbox(m, was, growth, full, parked, heldUp, drainer);
            }
            if (saturated(m, was)) {
                pool(m, was, parked, heldUp);
            }
        }
        into.checked(s.boxesAfter().all().size() + " mailbox(es)" + (largest == null ? ""
                : " (largest " + largest.name() + " " + WhyText.size(largest) + ")"));
    }

    private void mailbox(Mailbox m, Mailbox was, int growth, boolean full, Parked parked, int heldUp,
            Long drainer) {
        MailboxFlows.Flow flow = s.flows().get(m.name());
        into.add(drainer == null ? List.of() : List.of(drainer), text -> {
            List<String> evidence = new ArrayList<>();
            evidence.add("size " + WhyText.size(m) + " (" + m.kind() + ")");
            evidence.add(was == null ? "new in the window" : "growth over " + s.windowMillis() + " ms: "
                    + WhyText.signed(growth) + " (" + WhyText.n(was.size()) + " → " + WhyText.n(m.size()) + "), net "
                    + WhyText.signed(Math.round(growth * 1000.0 / s.windowMillis())) + "/s");
            if (flow != null) {
                evidence.add(WhyText.rate(flow.outPerSecond()) + " out, " + WhyText.rate(flow.inPerSecond())
                        + " in over the window (from " + flow.counts() + ")" + eta(m, flow)
                        + (flow.outPerSecond() > 0 || m.size() == 0 ? "" : ": its drainer took nothing in the window; "
                                + "it is stuck, or takes work in batches (logback, a Disruptor ring) and is still on one"));
            } else if (growth < 0) {
                long drain = Math.round(-growth * 1000.0 / s.windowMillis()); // at least: arrivals hide in the net figure
                evidence.add("draining at least " + WhyText.n(drain) + "/s net: empty in about "
                        + WhyText.millis(m.size() * 1000L / Math.max(1, drain)) + " at this rate");
            }
            if (parked.count() > 0) {
                evidence.add(parked.processes() + " parked waiting for room: arrivals outpace the "
                        + "drain and wait for it" + (flow == null ? " (rates not counted by this queue)" : ""));
            } else if (flow == null) {
                evidence.add("drain and arrival rates: not counted by this queue");
            }
            String drainedBy = drainer == null ? "no live thread drains it"
                    : "drained by " + text.name(drainer) + ", " + text.state(drainer) + " in " + text.where(drainer);
            evidence.add(drainedBy);
            List<Long> pids = new ArrayList<>();
            if (drainer != null) {
                pids.add(drainer);
            }
            pids.addAll(parked.pids());
            String what = full ? "is full (" + WhyText.n(m.size()) + " of " + WhyText.n(m.capacity()) + ")" : growth > 0 && was != null
                    ? "is growing (" + WhyText.signed(growth) + " in " + s.windowMillis() + " ms, now " + WhyText.n(m.size()) + ")"
                    : parked.count() == 0 ? "is backed up (" + WhyText.n(m.size()) + " waiting)"
                    : "has " + parked.processes() + " waiting to put into it";
            String summary = "Mailbox " + m.name() + " " + what + ", " + (drainer == null ? "no live thread drains it"
                    : "drained by " + text.name(drainer) + " in " + text.where(drainer))
                    + (flow == null ? "" : ": " + WhyText.rates(flow)) + ".";
            return new Finding(Finding.MAILBOX, summary, heldUp, evidence, text.refs(pids, MAX_PIDS),
                    drainer == null ? "regs()" : "process_info(<" + drainer + ">, backtrace)");
        });
    }

    /** ": full in about 2.1 s at this rate" or ": empty in about 300 ms …", where the rates say either. */
    private static String eta(Mailbox m, MailboxFlows.Flow flow) {
        double net = flow.inPerSecond() - flow.outPerSecond();
        if (net > 0.5 && m.capacity() != null && m.size() < m.capacity()) {
            return ": full in about " + WhyText.millis(Math.round((m.capacity() - m.size()) * 1000.0 / net)) + " at this rate";
        }
        if (net < -0.5 && m.size() > 0 && !flow.atLeast()) {
            return ": empty in about " + WhyText.millis(Math.round(m.size() * 1000.0 / -net)) + " at this rate";
        }
        return "";
    }

    /** The platform threads parked putting into {@code m}, and the virtual ones. */
    private Parked parked(Mailbox m) {
        List<Long> platform = producers.getOrDefault(m.name(), List.of());
        VirtualWaits.Waiters virtual = s.virtual().onMailboxes().get(m.name());
        if (platform.isEmpty() && virtual == null) {
            return Parked.NONE;
        }
        List<Long> pids = new ArrayList<>(platform);
        if (virtual != null) {
            pids.addAll(virtual.ids());
            into.name(virtual);
        }
        int virtualCount = virtual == null ? 0 : virtual.count();
        return new Parked(pids, platform.size() + virtualCount, virtualCount);
    }

    /** Work queued in both samples and every worker busy: by the pool's own count, or none parked idle. */
    private boolean saturated(Mailbox m, Mailbox was) {
        if (m.size() == 0 || was == null || was.size() == 0 || m.ownerThreadIds().isEmpty()) {
            return false;
        }
        if (m.busy() != null && m.maxThreads() != null) {
            return m.busy() >= m.maxThreads();
        }
        return Mailbox.EXECUTOR.equals(m.kind()) && idle.getOrDefault(m.name(), Set.of()).isEmpty();
    }

    private void pool(Mailbox m, Mailbox was, Parked parked, int heldUp) {
        List<Long> workers = new ArrayList<>(m.ownerThreadIds().subList(0, Math.min(3, m.ownerThreadIds().size())));
        ThreadInfo first = infos.get(workers.get(0));
        long holder = first == null ? -1 : first.getLockOwnerId();
        if (holder >= 0 && m.ownerThreadIds().contains(holder)) {
            workers.remove(holder);
            workers.add(0, holder); // the workers wait for one of their own: it is the one to look at
        }
        into.add(workers, text -> {
            List<String> evidence = new ArrayList<>();
            int all = m.ownerThreadIds().size();
            evidence.add((m.busy() != null ? WhyText.n(m.busy()) : WhyText.n(all)) + " of "
                    + WhyText.n(m.maxThreads() != null ? m.maxThreads() : all) + " workers busy, none idle");
            evidence.add(WhyText.n(m.size()) + " task(s) queued (" + WhyText.n(was.size()) + " at the start of the window)"
                    + (parked.count() == 0 ? "" : ", " + parked.processes() + " parked waiting for room"));
            MailboxFlows.Flow flow = s.flows().get(m.name());
            evidence.add(flow == null ? "completion and arrival rates: not counted by this pool"
                    : WhyText.rate(flow.outPerSecond()) + " completed, " + WhyText.rate(flow.inPerSecond())
                            + " arrived over the window (from " + flow.counts() + ")");
            for (long worker : workers) {
                evidence.add("worker " + text.name(worker) + ": " + text.state(worker) + " in " + text.where(worker));
            }
            List<Long> pids = new ArrayList<>(workers);
            pids.addAll(parked.pids());
            return new Finding(Finding.SATURATED_POOL, "Pool " + m.name() + " is saturated: every worker is busy and "
                    + WhyText.n(m.size()) + " task(s) wait; " + text.name(workers.get(0)) + " is in "
                    + text.where(workers.get(0)) + ".", heldUp, evidence, text.refs(pids, MAX_PIDS),
                    "process_info(<" + workers.get(0) + ">, backtrace)");
        });
    }

    private Long drainer(Mailbox m) {
        Set<Long> idleOwners = idle.getOrDefault(m.name(), Set.of());
        Long first = null;
        for (Long owner : m.ownerThreadIds()) {
            if (!infos.containsKey(owner)) {
                continue;
            }
            if (!idleOwners.contains(owner)) {
                return owner; // a busy drainer says more than an idle one
            }
            first = first == null ? owner : first;
        }
        return first;
    }
}
