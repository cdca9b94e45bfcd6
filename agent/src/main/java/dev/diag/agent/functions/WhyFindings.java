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
 * ({@link WhyText}). The thread and lock findings are here; the mailbox and pool ones in
 * {@link WhyMailboxFindings}, the node-wide ones in {@link WhyNodeFindings}. Thresholds are the constants below; a finding's heldUp is how many processes
 * wait on it, and the list is sorted by it, most first (ties in the order the kinds are found).
 */
final class WhyFindings {
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

    /** A finding whose sentences wait for the top frames of its {@code culprits}. */
    private record Draft(List<Long> culprits, Function<WhyText, Finding> build) {
    }

    private final Sample s;
    private final WhyThreads infos;
    private final WhyMailboxFindings mailboxes;
    private final Set<Long> inDeadlock = new HashSet<>();
    private final Map<Long, String> virtualNames = new HashMap<>();    // virtual pids named in findings
    private final Map<Long, Thread> virtualCulprits = new HashMap<>(); // virtual lock owners, for their frames
    private final List<Draft> drafts = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    private WhyFindings(Sample sample) {
        this.s = sample;
        this.infos = sample.threads();
        this.mailboxes = new WhyMailboxFindings(sample, this);
    }

    /** The findings, sorted, and what was checked. */
    static WhyFindings of(Sample sample) {
        WhyFindings f = new WhyFindings(sample);
        WhyNodeFindings node = new WhyNodeFindings(sample, f);
        node.shutdown();
        f.deadlocks();
        f.mailboxes.mailboxes();
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

    // ---- convoy: many waiting for one lock someone holds

    private void convoys() {
        Map<String, List<Long>> waiters = new LinkedHashMap<>();
        Map<String, Long> holders = new HashMap<>();
        Map<String, String> lockClasses = new HashMap<>();
        Set<Long> onMailboxes = mailboxes.producers();
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
    void name(VirtualWaits.Waiters virtual) {
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
