package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.diag.protocol.result.Deadlock;
import dev.diag.protocol.result.LockRef;
import dev.diag.protocol.result.LockWait;
import dev.diag.protocol.result.ProcessRef;
import dev.diag.protocol.result.StackFrame;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadlockCyclesTest {
    private static final String MONITOR = "java.lang.Object";
    private static final String SYNC = "java.util.concurrent.locks.ReentrantLock$NonfairSync";

    private final Map<Long, LockFacts> facts = new HashMap<>();

    @Test
    void twoDistinctCyclesComeApartEachStartingAtItsSmallestPid() {
        monitorWait(32, 31);
        monitorWait(31, 32);
        lockWait(45, 44);
        lockWait(44, 45);

        assertEquals(List.of(List.of(31L, 32L), List.of(44L, 45L)),
                DeadlockCycles.cycles(facts, new long[] {45, 32, 44, 31}));
    }

    @Test
    void aThreeThreadCycleFollowsWhoWaitsForWhom() {
        lockWait(7, 9);
        lockWait(9, 8);
        lockWait(8, 7);

        assertEquals(List.of(List.of(7L, 9L, 8L)), DeadlockCycles.cycles(facts, new long[] {8, 9, 7}));
    }

    @Test
    void threadsWaitingOnACycleAreListedBehindItNearestFirstAndNotInIt() {
        monitorWait(31, 32);
        monitorWait(32, 31);
        monitorWait(50, 31); // waits for a member's lock
        lockWait(40, 50); // waits for a waiter's lock: stuck all the same
        monitorWait(41, 32);
        lockWait(60, 61); // waits for a live thread elsewhere: not behind
        idle(61);
        List<List<Long>> cycles = DeadlockCycles.cycles(facts, new long[] {31, 32});

        assertEquals(List.of(List.of(41L, 50L, 40L)), DeadlockCycles.behind(facts, cycles));
        Deadlock deadlock = DeadlockCycles.deadlock(cycles.get(0), DeadlockCycles.behind(facts, cycles).get(0), facts, 2);
        assertEquals(List.of(31L, 32L), deadlock.cycle().stream().map(LockWait::pid).toList());
        assertEquals(List.of(41L, 50L), deadlock.blockedBehind().stream().map(LockWait::pid).toList());
        assertEquals(1, deadlock.moreBlockedBehind());
    }

    @Test
    void aMixedCycleNamesEachLocksKindHolderAndWhereAMonitorWasTaken() {
        monitorWait(31, 32);
        lockWait(32, 31);
        List<Long> cycle = DeadlockCycles.cycles(facts, new long[] {31, 32}).get(0);

        List<LockWait> edges = DeadlockCycles.deadlock(cycle, List.of(), facts, 10).cycle();

        LockWait blocked = edges.get(0);
        assertEquals(LockWait.MONITOR, blocked.kind());
        assertEquals(new LockRef(MONITOR, 32), blocked.lock());
        assertEquals(new ProcessRef(32, "t32"), blocked.heldBy());
        assertEquals("Bank.transfer", blocked.at().className() + "." + blocked.at().method());
        assertEquals(31 * 10 + 1, blocked.at().line());
        assertEquals(32 * 10, blocked.lockedAt().line()); // t32 took its monitor a line earlier
        LockWait parked = edges.get(1);
        assertEquals(LockWait.SYNCHRONIZER, parked.kind());
        assertEquals(new LockRef(SYNC, 31), parked.lock());
        assertEquals(new ProcessRef(31, "t31"), parked.heldBy());
        assertNull(parked.lockedAt(), "the JVM records no frame where a synchronizer was taken");
    }

    @Test
    void aThreadWhoseWaitEndedSinceTheJvmLookedIsNoCycle() {
        monitorWait(31, 32);
        idle(32); // its timed tryLock gave up
        assertEquals(List.of(), DeadlockCycles.cycles(facts, new long[] {31, 32}));
    }

    @Test
    void aWaiterOnTheWayIntoACycleIsBehindItNotInIt() {
        monitorWait(5, 6);
        monitorWait(6, 7);
        monitorWait(7, 6);
        List<List<Long>> cycles = DeadlockCycles.cycles(facts, new long[] {5, 6, 7});

        assertEquals(List.of(List.of(6L, 7L)), cycles);
        assertEquals(List.of(List.of(5L)), DeadlockCycles.behind(facts, cycles));
    }

    /** Thread {@code pid} BLOCKED entering the monitor {@code owner} holds (each holds the monitor named by its pid). */
    private void monitorWait(long pid, long owner) {
        facts.put(pid, new LockFacts(pid, "t" + pid, "BLOCKED", new LockRef(MONITOR, (int) owner), owner, "t" + owner,
                frame(pid * 10 + 1), Map.of(new LockRef(MONITOR, (int) pid), frame(pid * 10))));
    }

    /** Thread {@code pid} parked waiting for the ReentrantLock {@code owner} holds (each holds one named by its pid too). */
    private void lockWait(long pid, long owner) {
        facts.put(pid, new LockFacts(pid, "t" + pid, "WAITING", new LockRef(SYNC, (int) owner), owner, "t" + owner,
                frame(pid * 10 + 1), Map.of(new LockRef(MONITOR, (int) pid), frame(pid * 10))));
    }

    private void idle(long pid) {
        facts.put(pid, new LockFacts(pid, "t" + pid, "RUNNABLE", null, -1, null, null, Map.of()));
    }

    private static StackFrame frame(long line) {
        return new StackFrame("Bank", "transfer", "Bank.java", (int) line, false, List.of());
    }
}
