package dev.diag.agent.functions;

import dev.diag.agent.probe.DeadlockCycles;
import dev.diag.agent.probe.GcHistory;
import dev.diag.agent.probe.LockFacts;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFlows;
import dev.diag.agent.probe.MailboxSnapshot;
import dev.diag.agent.probe.ThreadWindow;
import dev.diag.agent.probe.VirtualWaits;
import dev.diag.protocol.result.Finding;
import dev.diag.protocol.result.ShutdownState;
import dev.diag.protocol.result.ThreadLimits;
import java.lang.management.LockInfo;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The findings of one {@code why()} sample, each a pure function of what {@link Why} read: no
 * probe is called here but one batch of top frames for the threads the findings name
 * ({@link WhyText}). Thresholds are the constants below; a finding's heldUp is how many processes
 * wait on it, and the list is sorted by it, most first (ties in the order the kinds are found).
 */
final class WhyFindings {
    static final double FULL = 0.9;            // a bounded mailbox this full is at capacity
    static final int GROWING = 10;             // grew by at least this many in the window ...
    static final int GROWING_SIZE = 50;        // ... and holds at least this many at its end
    static final int BACKLOG = 1_000;          // this many waiting is a backlog, growing or not
    static final int CONVOY = 3;               // this many waiting for one held lock
    static final double SPINNING = 0.8;        // of one core over the window, or of what an overloaded host gives a thread
    static final double SPINNING_FLOOR = 0.1;  // ... but never less than this (at most 5 are named)
    static final int MAX_PIDS = 10;

    /** What {@link Why} read: two samples {@code windowMillis} apart and, at the end, the rest. */
    record Sample(long windowMillis, ThreadWindow.Snapshot cpuBefore, ThreadWindow.Snapshot cpuAfter,
            MailboxSnapshot boxesBefore, MailboxSnapshot boxesAfter, Map<String, MailboxFlows.Flow> flows,
            List<Thread> live, WhyThreads threads, VirtualWaits virtual,
            long[] deadlocked, MemoryUsage heap, long gcWindowMillis, long gcTotalMillis,
            long uptimeMillis, ThreadLimits limits, ShutdownState shutdown, double loadAverage, int cores,
            GcHistory.Minute gcMinute) {

        /**
         * The share of a core a thread that never waits can get: 1 on a host with a core to spare,
         * cores / load on an overloaded one (the 1-minute load average; negative where the OS has none).
         */
        double fairShare() {
            return loadAverage <= cores || cores <= 0 ? 1 : cores / loadAverage;
        }
    }

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

    /** A finding whose sentences wait for the top frames of its {@code culprits}. */
    private record Draft(List<Long> culprits, Function<WhyText, Finding> build) {
    }

    private final Sample s;
    private final WhyThreads infos;
    private final Map<String, List<Long>> producers = new HashMap<>(); // mailbox name → non-owners parked on it
    private final Map<String, Set<Long>> idle = new HashMap<>();       // mailbox name → owners parked waiting for work
    private final Set<Long> inDeadlock = new HashSet<>();
    private final Map<Long, String> virtualNames = new HashMap<>();    // virtual pids named in findings
    private final Map<Long, Thread> virtualCulprits = new HashMap<>(); // virtual lock owners, for their frames
    private final List<Draft> drafts = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    private WhyFindings(Sample sample) {
        this.s = sample;
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

    /** The findings, sorted, and what was checked. */
    static WhyFindings of(Sample sample) {
        WhyFindings f = new WhyFindings(sample);
        WhyNodeFindings node = new WhyNodeFindings(sample, f);
        node.shutdown();
        f.deadlocks();
        f.mailboxes();
        f.convoys();
        f.spinning();
        node.heap();
        node.processLimit();
        return f;
    }

    List<Finding> findings() {
        Set<Long> wanted = new TreeSet<>();
        drafts.forEach(d -> wanted.addAll(d.culprits()));
        WhyText text = WhyText.of(infos, wanted, virtualNames, virtualCulprits);
        List<Finding> findings = new ArrayList<>(drafts.size());
        drafts.forEach(d -> findings.add(d.build().apply(text)));
        findings.sort((a, b) -> Integer.compare(b.heldUp(), a.heldUp())); // stable: ties keep the order found
        return findings;
    }

    String note() {
        List<String> clauses = new ArrayList<>(checked);
        VirtualWaits virtual = s.virtual();
        if (virtual.visited() > 0) {
            clauses.add(WhyText.n(virtual.visited()) + " virtual thread(s) looked at" + (virtual.cut()
                    ? " (the visit stopped at its time budget; the rest were not)" : "")
                    + (virtual.locksLeftOut() > 0 ? ", " + virtual.locksLeftOut() + " more locks not followed" : ""));
        }
        String boxes = s.boxesAfter().note();
        return String.join(", ", clauses) + "." + (boxes == null ? "" : " " + boxes);
    }

    /** A finding to build once the top frames of its {@code culprits} are taken. */
    void add(List<Long> culprits, Function<WhyText, Finding> build) {
        drafts.add(new Draft(culprits, build));
    }

    /** One clause of what was looked at and found healthy, for the answer's note. */
    void checked(String clause) {
        checked.add(clause);
    }

    // ---- deadlock: each cycle, with the threads stuck behind it

    private void deadlocks() {
        if (s.deadlocked().length == 0) {
            checked.add("no deadlock");
            return;
        }
        Map<Long, LockFacts> facts = LockFacts.everyThread();
        List<List<Long>> cycles = DeadlockCycles.cycles(facts, s.deadlocked());
        List<List<Long>> behind = DeadlockCycles.behind(facts, cycles);
        for (int i = 0; i < cycles.size(); i++) {
            List<Long> cycle = cycles.get(i);
            List<Long> stuck = behind.get(i);
            inDeadlock.addAll(cycle);
            inDeadlock.addAll(stuck);
            add(cycle, text -> {
                List<String> evidence = new ArrayList<>();
                for (long pid : cycle) {
                    LockFacts fact = facts.get(pid);
                    evidence.add(text.name(pid) + " " + fact.state() + " in " + text.where(pid) + ", waits for "
                            + WhyText.lock(fact.waitingFor()) + " held by " + text.name(fact.ownerId()));
                }
                if (!stuck.isEmpty()) {
                    evidence.add(stuck.size() + " more process(es) stuck behind the cycle");
                }
                List<Long> pids = new ArrayList<>(cycle);
                pids.addAll(stuck);
                List<String> names = new ArrayList<>();
                cycle.forEach(pid -> names.add(text.name(pid)));
                return new Finding(Finding.DEADLOCK, "Deadlock: " + String.join(", ", names)
                        + " each wait for a lock another of them holds.", cycle.size() + stuck.size(), evidence,
                        text.refs(pids, MAX_PIDS), "process_info(<" + cycle.get(0) + ">, backtrace)");
            });
        }
    }

    // ---- mailbox at or near capacity or growing; saturated pools

    private void mailboxes() {
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
        checked.add(s.boxesAfter().all().size() + " mailbox(es)" + (largest == null ? ""
                : " (largest " + largest.name() + " " + WhyText.size(largest) + ")"));
    }

    private void mailbox(Mailbox m, Mailbox was, int growth, boolean full, Parked parked, int heldUp,
            Long drainer) {
        MailboxFlows.Flow flow = s.flows().get(m.name());
        add(drainer == null ? List.of() : List.of(drainer), text -> {
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
            name(virtual);
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
        add(workers, text -> {
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

    // ---- convoy: many waiting for one lock someone holds

    private void convoys() {
        Map<String, List<Long>> waiters = new LinkedHashMap<>();
        Map<String, Long> holders = new HashMap<>();
        Map<String, String> lockClasses = new HashMap<>();
        Set<Long> onMailboxes = new HashSet<>();
        producers.values().forEach(onMailboxes::addAll);
        for (ThreadInfo info : infos.values()) {
            LockInfo lock = info.getLockInfo();
            long holder = info.getLockOwnerId();
            long pid = info.getThreadId();
            if (lock == null || holder < 0 || inDeadlock.contains(pid) || onMailboxes.contains(pid)) {
                continue;
            }
            String key = lock.getClassName() + "@" + Integer.toHexString(lock.getIdentityHashCode());
            waiters.computeIfAbsent(key, k -> new ArrayList<>()).add(pid);
            holders.put(key, holder);
            lockClasses.put(key, lock.getClassName());
        }
        // virtual threads queued for the same lock join its convoy: ThreadMXBean does not see them
        Map<String, VirtualWaits.LockWaiters> virtualWaiters = new HashMap<>();
        for (VirtualWaits.LockWaiters lock : s.virtual().onLocks()) {
            String key = lock.key();
            virtualWaiters.put(key, lock);
            waiters.computeIfAbsent(key, k -> new ArrayList<>());
            holders.putIfAbsent(key, lock.owner().getId());
            lockClasses.putIfAbsent(key, lock.lock().getClass().getName());
        }
        int largest = 0;
        for (Map.Entry<String, List<Long>> e : waiters.entrySet()) {
            List<Long> waiting = e.getValue();
            VirtualWaits.LockWaiters virtual = virtualWaiters.get(e.getKey());
            int virtualCount = virtual == null ? 0 : virtual.waiters().count();
            int total = waiting.size() + virtualCount;
            largest = Math.max(largest, total);
            long holder = holders.get(e.getKey());
            if (total < CONVOY || inDeadlock.contains(holder)) {
                continue;
            }
            waiting.sort(null);
            Thread holderThread = s.live().stream().filter(t -> t.getId() == holder).findFirst()
                    .orElse(virtual == null ? null : virtual.owner());
            if (holderThread != null && !infos.containsKey(holder)) {
                virtualCulprits.put(holder, holderThread); // a virtual owner: named and placed from the thread itself
            }
            Mailbox holderWaitsOn = holderThread == null ? null : s.boxesAfter().waitedOnBy(holderThread).orElse(null);
            List<Long> pids = new ArrayList<>();
            pids.add(holder);
            pids.addAll(waiting);
            if (virtual != null) {
                pids.addAll(virtual.waiters().ids());
                name(virtual.waiters());
            }
            add(List.of(holder), text -> {
                int blocked = 0;
                for (long pid : waiting) {
                    blocked += infos.get(pid).getThreadState() == Thread.State.BLOCKED ? 1 : 0;
                }
                List<String> evidence = new ArrayList<>();
                evidence.add(WhyText.n(total) + " processes wait for " + e.getKey() + ": " + blocked
                        + " BLOCKED on the monitor, " + (waiting.size() - blocked) + " parked on the lock"
                        + (virtualCount == 0 ? "" : ", " + WhyText.n(virtualCount) + " virtual parked on the lock"));
                evidence.add("held by " + text.name(holder) + ", " + text.state(holder) + " in " + text.where(holder));
                if (holderWaitsOn != null) {
                    evidence.add("the holder itself waits on mailbox " + holderWaitsOn.name() + " ("
                            + WhyText.size(holderWaitsOn) + ")");
                }
                return new Finding(Finding.CONVOY, WhyText.n(total) + " processes wait for "
                        + WhyText.shortClass(lockClasses.get(e.getKey())) + " held by " + text.name(holder) + " in "
                        + text.where(holder) + ".", total, evidence, text.refs(pids, MAX_PIDS),
                        "process_info(<" + holder + ">, backtrace)");
            });
        }
        checked.add("at most " + largest + " process(es) waiting for one held lock");
    }

    /** Virtual examples' names, for the text: ThreadMXBean has none of them. */
    private void name(VirtualWaits.Waiters virtual) {
        for (int i = 0; i < virtual.ids().size(); i++) {
            virtualNames.put(virtual.ids().get(i), virtual.names().get(i));
        }
    }

    // ---- spinning: a thread burning a core

    private void spinning() {
        long windowNanos = Math.max(1, s.cpuAfter().nanos() - s.cpuBefore().nanos());
        ThreadWindow.Diff diff = ThreadWindow.diff(s.cpuBefore().ids(), s.cpuBefore().cpu(), s.cpuAfter().ids(),
                s.cpuAfter().cpu(), 5);
        double busiest = 0;
        double fair = s.fairShare();
        double threshold = Math.max(SPINNING_FLOOR, SPINNING * fair);
        String overloaded = fair >= 1 ? "" : String.format(Locale.ROOT, " (the host is overloaded: load %.1f on %d "
                + "cores, so a thread gets about %s of one)", s.loadAverage(), s.cores(), WhyText.percent(fair));
        for (ThreadWindow.Change change : diff.top()) {
            long id = change.id();
            if (!infos.containsKey(id)) {
                continue;
            }
            double share = (double) change.delta() / windowNanos;
            busiest = Math.max(busiest, share);
            if (share < threshold) {
                continue;
            }
            int waiting = 0;
            List<Long> pids = new ArrayList<>();
            pids.add(id);
            for (ThreadInfo info : infos.values()) {
                if (info.getLockOwnerId() == id) {
                    waiting++;
                    pids.add(info.getThreadId());
                }
            }
            int heldUp = waiting;
            add(List.of(id), text -> new Finding(Finding.SPINNING, text.name(id) + " uses " + WhyText.percent(share)
                    + " of a core, in " + text.where(id) + ".", heldUp, List.of(
                            "CPU " + WhyText.millis(change.delta() / 1_000_000) + " in the " + s.windowMillis()
                                    + " ms window (" + WhyText.percent(share) + " of a core)" + overloaded,
                            "state " + text.state(id) + " in " + text.where(id),
                            heldUp + " process(es) wait for locks it holds"),
                    text.refs(pids, MAX_PIDS), "process_info(<" + id + ">, current_stacktrace)"));
        }
        checked.add("busiest process " + WhyText.percent(busiest) + " of a core" + overloaded);
    }
}
