package dev.diag.agent.probe;

import dev.diag.protocol.result.Deadlock;
import dev.diag.protocol.result.LockWait;
import dev.diag.protocol.result.ProcessRef;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deadlocks built from threads' lock facts. A thread waits for at most one lock, so following
 * owners from any thread leads into at most one cycle: the JVM says which threads are in cycles,
 * this puts them in order and finds who is stuck behind each one. Pure: no JVM calls.
 */
public final class DeadlockCycles {
    private DeadlockCycles() {
    }

    /**
     * The cycles among {@code deadlocked}, each starting at its smallest pid and ordered by it. A
     * thread whose chain of owners no longer closes (it timed out or was interrupted since the JVM
     * looked) is left out.
     */
    public static List<List<Long>> cycles(Map<Long, LockFacts> facts, long[] deadlocked) {
        Set<Long> members = new HashSet<>();
        Arrays.stream(deadlocked).forEach(members::add);
        Set<Long> seen = new HashSet<>();
        List<List<Long>> cycles = new ArrayList<>();
        for (long start : Arrays.stream(deadlocked).sorted().toArray()) {
            Map<Long, Integer> path = new HashMap<>();
            List<Long> order = new ArrayList<>();
            Long at = start;
            while (at != null && members.contains(at) && !seen.contains(at) && !path.containsKey(at)) {
                path.put(at, order.size());
                order.add(at);
                at = ownerOf(facts, at);
            }
            seen.addAll(order);
            if (at != null && path.containsKey(at)) {
                cycles.add(startingAtSmallest(order.subList(path.get(at), order.size())));
            }
        }
        cycles.sort(Comparator.comparing(cycle -> cycle.get(0)));
        return cycles;
    }

    /**
     * For each cycle, the threads not in any cycle whose chain of owners leads into it: those
     * waiting for a member's lock first, then those waiting for theirs, by pid within each step.
     */
    public static List<List<Long>> behind(Map<Long, LockFacts> facts, List<List<Long>> cycles) {
        Map<Long, List<Long>> waitersOf = new HashMap<>();
        for (LockFacts fact : facts.values()) {
            if (fact.ownerId() >= 0) {
                waitersOf.computeIfAbsent(fact.ownerId(), owner -> new ArrayList<>()).add(fact.pid());
            }
        }
        Set<Long> placed = new HashSet<>();
        cycles.forEach(placed::addAll);
        List<List<Long>> behind = new ArrayList<>(cycles.size());
        for (List<Long> cycle : cycles) {
            List<Long> found = new ArrayList<>();
            List<Long> step = cycle;
            while (!step.isEmpty()) {
                List<Long> next = new ArrayList<>();
                for (long owner : step) {
                    for (long waiter : waitersOf.getOrDefault(owner, List.of())) {
                        if (placed.add(waiter)) {
                            next.add(waiter);
                        }
                    }
                }
                next.sort(null);
                found.addAll(next);
                step = next;
            }
            behind.add(found);
        }
        return behind;
    }

    /** The deadlock's record: every member of {@code cycle}, the first {@code maxBehind} of {@code behind}. */
    public static Deadlock deadlock(List<Long> cycle, List<Long> behind, Map<Long, LockFacts> facts, int maxBehind) {
        List<Long> sent = behind.subList(0, Math.min(maxBehind, behind.size()));
        return new Deadlock(edges(cycle, facts), edges(sent, facts), behind.size() - sent.size());
    }

    private static List<LockWait> edges(List<Long> pids, Map<Long, LockFacts> facts) {
        List<LockWait> edges = new ArrayList<>(pids.size());
        for (long pid : pids) {
            LockFacts waiter = facts.get(pid);
            if (waiter.ownerId() >= 0) { // else a timed wait ended between the two looks
                edges.add(edge(waiter, facts.get(waiter.ownerId())));
            }
        }
        return edges;
    }

    /** {@code waiter} waits for a lock {@code owner} holds; owner is null when its facts are missing. */
    static LockWait edge(LockFacts waiter, LockFacts owner) {
        // A thread waiting to enter a monitor is BLOCKED; one waiting for an ownable synchronizer is parked.
        String kind = waiter.state().equals("BLOCKED") ? LockWait.MONITOR : LockWait.SYNCHRONIZER;
        return new LockWait(waiter.pid(), waiter.name(), waiter.state(), waiter.waitingFor(), kind,
                new ProcessRef(waiter.ownerId(), owner == null ? waiter.ownerName() : owner.name()), waiter.at(),
                owner == null ? null : owner.monitorsLockedAt().get(waiter.waitingFor()));
    }

    private static Long ownerOf(Map<Long, LockFacts> facts, long pid) {
        LockFacts fact = facts.get(pid);
        return fact == null || fact.ownerId() < 0 ? null : fact.ownerId();
    }

    private static List<Long> startingAtSmallest(List<Long> cycle) {
        int first = cycle.indexOf(cycle.stream().min(Long::compare).orElseThrow());
        List<Long> rotated = new ArrayList<>(cycle.subList(first, cycle.size()));
        rotated.addAll(cycle.subList(0, first));
        return rotated;
    }
}
