package dev.diag.agent.functions;

import dev.diag.agent.probe.DeadlockCycles;
import dev.diag.agent.probe.LockFacts;
import dev.diag.agent.probe.ThreadTable;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.Deadlock;
import dev.diag.protocol.result.Deadlocks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * {@code deadlocks()}: each cycle of threads waiting for each other's monitors or ownable
 * java.util.concurrent locks, as the JVM's detector finds them ({@code findDeadlockedThreads}: one
 * safepoint that looks at every thread's lock), then in order with the lock, its holder and the
 * frames, and the threads stuck behind each cycle, which the detector does not name.
 *
 * Only when there is a deadlock: every thread's lock facts without stacks (no pause) to find who
 * is behind, then {@value #DEPTH} frames of the threads involved in one short pause. Held
 * java.util.concurrent locks are never asked for (the JVM would walk the heap for them); a cycle
 * needs only who owns what each member waits for. At most {@value #MAX_DEADLOCKS} deadlocks and
 * {@value #MAX_BEHIND} threads behind each are sent; the rest are counted.
 */
final class DeadlocksFunction extends FunctionBase {
    static final int DEPTH = 16;
    static final int MAX_DEADLOCKS = 50;
    static final int MAX_BEHIND = 20;

    DeadlocksFunction() {
        super(Declaration.DEADLOCKS);
    }

    @Override
    public Object call(Args args, CallContext context) {
        boolean synchronizers = ThreadTable.bean().isSynchronizerUsageSupported();
        long[] deadlocked = synchronizers ? ThreadTable.bean().findDeadlockedThreads()
                : ThreadTable.bean().findMonitorDeadlockedThreads();
        List<String> notes = new ArrayList<>(3);
        if (!synchronizers) {
            notes.add("This JVM does not track java.util.concurrent lock owners: only deadlocks on monitors "
                    + "(synchronized) were looked for.");
        }
        if (Runtime.version().feature() >= 21) {
            notes.add("Virtual threads were not looked at: the JVM's detector sees only platform threads, so a "
                    + "deadlock of virtual threads, on monitors or on java.util.concurrent locks, is not found.");
        }
        List<Deadlock> deadlocks = deadlocked == null ? List.of() : deadlocks(deadlocked, notes);
        return new Deadlocks(deadlocks, notes.isEmpty() ? null : String.join(" ", notes));
    }

    private static List<Deadlock> deadlocks(long[] deadlocked, List<String> notes) {
        Map<Long, LockFacts> facts = LockFacts.everyThread();
        List<List<Long>> cycles = DeadlockCycles.cycles(facts, deadlocked);
        List<List<Long>> behind = DeadlockCycles.behind(facts, cycles);
        int sent = Math.min(MAX_DEADLOCKS, cycles.size());
        LongStream.Builder involved = LongStream.builder();
        for (int i = 0; i < sent; i++) {
            cycles.get(i).forEach(involved::add);
            behind.get(i).stream().limit(MAX_BEHIND).forEach(involved::add);
        }
        facts.putAll(LockFacts.withFrames(involved.build().toArray(), DEPTH));
        List<Deadlock> deadlocks = new ArrayList<>(sent);
        for (int i = 0; i < sent; i++) {
            deadlocks.add(DeadlockCycles.deadlock(cycles.get(i), behind.get(i), facts, MAX_BEHIND));
        }
        // The JVM's detector also returns threads stuck behind a cycle when its walk started at them:
        // those are shown behind their cycle; only the rest really stopped waiting meanwhile.
        Set<Long> placed = new HashSet<>();
        cycles.forEach(placed::addAll);
        behind.forEach(placed::addAll);
        long gone = LongStream.of(deadlocked).filter(id -> !placed.contains(id)).count();
        if (gone > 0) {
            notes.add(gone + (gone == 1 ? " thread" : " threads") + " the JVM found deadlocked had stopped waiting "
                    + "by the time the locks were read (a timed or interrupted wait).");
        }
        if (cycles.size() > sent) {
            notes.add((cycles.size() - sent) + " more deadlocks were left out (at most " + MAX_DEADLOCKS + " are sent).");
        }
        return deadlocks;
    }
}
