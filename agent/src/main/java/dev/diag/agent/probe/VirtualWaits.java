package dev.diag.agent.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.concurrent.locks.LockSupport;

/**
 * What the virtual threads of a JDK 21+ JVM wait for, from one visit of each (its park blocker,
 * no stack, no pause): the mailboxes they are parked putting into (a virtual-thread-per-request
 * server's handlers stuck on a full log queue) and the held {@code java.util.concurrent} locks
 * they queue for, with each lock's owner. ThreadMXBean sees none of this: virtual threads are not
 * in it. A virtual thread blocked on a monitor has no blocker and is not counted here.
 *
 * <p>Bounded: the visit stops after {@value #BUDGET_MILLIS} ms (and says how many it saw), at most
 * {@value #MAX_LOCKS} distinct locks are kept, and each group keeps {@value #EXAMPLES} example
 * processes; nothing is allocated per thread that waits on nothing. Holds the few lock owners it
 * names (and no other thread) for the life of one call.
 */
public final class VirtualWaits {
    static final long BUDGET_MILLIS = 1_500;
    static final int MAX_LOCKS = 4_096;
    public static final int EXAMPLES = 10;

    /** The virtual threads waiting on one thing: how many, a few of them by id and name. */
    public static final class Waiters {
        private int count;
        private final List<Long> ids = new ArrayList<>(EXAMPLES);
        private final List<String> names = new ArrayList<>(EXAMPLES);

        void add(Thread thread) {
            if (count++ < EXAMPLES) {
                ids.add(thread.getId());
                names.add(name(thread));
            }
        }

        public int count() {
            return count;
        }

        /** Up to {@value #EXAMPLES} of them, ascending as they were met. */
        public List<Long> ids() {
            return ids;
        }

        public List<String> names() {
            return names;
        }
    }

    /** The virtual threads queued for one held lock, and its owner. */
    public record LockWaiters(Object lock, Thread owner, Waiters waiters) {
        /** As ThreadInfo's LockInfo names a lock: "java.util.concurrent.locks.ReentrantLock$NonfairSync@1b6d3586". */
        public String key() {
            return lock.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(lock));
        }
    }

    private final Map<String, Waiters> onMailboxes = new HashMap<>();
    private final Map<Object, LockWaiters> onLocks = new IdentityHashMap<>();
    private final Map<Object, Boolean> ownerless = new IdentityHashMap<>(); // a latch half the threads wait on: read once
    private long visited;
    private boolean cut;
    private int locksLeftOut;

    private VirtualWaits() {
    }

    /** None: JDK 17, or virtual threads out of the agent's sight. */
    public static VirtualWaits none() {
        return new VirtualWaits();
    }

    /** Visits every listable virtual thread once, within the budget. */
    public static VirtualWaits of(VirtualThreads virtual, MailboxSnapshot boxes, JdkInternals internals) {
        VirtualWaits waits = new VirtualWaits();
        if (!virtual.available()) {
            return waits;
        }
        long deadline = System.nanoTime() + BUDGET_MILLIS * 1_000_000;
        virtual.forEach(thread -> {
            waits.visited++;
            if ((waits.visited & 1023) == 0 && System.nanoTime() > deadline) {
                waits.cut = true;
                return false;
            }
            Object blocker = LockSupport.getBlocker(thread);
            if (blocker != null) {
                waits.classify(thread, blocker, boxes, internals);
            }
            return true;
        });
        return waits;
    }

    private void classify(Thread thread, Object blocker, MailboxSnapshot boxes, JdkInternals internals) {
        Mailbox box = boxes.waitedOnBy(thread).orElse(null);
        if (box != null) {
            if (!box.ownerThreadIds().contains(thread.getId())) { // an owner parked on its own queue waits for work
                onMailboxes.computeIfAbsent(box.name(), k -> new Waiters()).add(thread);
            }
            return;
        }
        if (!(blocker instanceof AbstractOwnableSynchronizer)) {
            return; // a latch, a semaphore, a condition: nobody holds it
        }
        LockWaiters waiting = onLocks.get(blocker);
        if (waiting == null) {
            if (ownerless.containsKey(blocker)) {
                return;
            }
            if (!(internals.read(blocker, "exclusiveOwnerThread").orElse(null) instanceof Thread owner)) {
                if (ownerless.size() < MAX_LOCKS) {
                    ownerless.put(blocker, Boolean.TRUE);
                }
                return; // free, a latch, or a read lock's shared holders: no one to name
            }
            if (onLocks.size() >= MAX_LOCKS) {
                locksLeftOut++;
                return;
            }
            waiting = new LockWaiters(blocker, owner, new Waiters());
            onLocks.put(blocker, waiting);
        }
        waiting.waiters().add(thread);
    }

    /** "(virtual)" for the unnamed, as i() shows them. */
    static String name(Thread thread) {
        String name = thread.getName();
        return name.isEmpty() ? "(virtual)" : name;
    }

    /** Virtual threads parked putting into each mailbox, by its name (its owners waiting for work left out). */
    public Map<String, Waiters> onMailboxes() {
        return onMailboxes;
    }

    /** Virtual threads queued for held locks, by lock key. */
    public List<LockWaiters> onLocks() {
        return new ArrayList<>(onLocks.values());
    }

    /** How many were looked at; whether the budget cut the visit; distinct locks beyond the cap. */
    public long visited() {
        return visited;
    }

    public boolean cut() {
        return cut;
    }

    public int locksLeftOut() {
        return locksLeftOut;
    }
}
