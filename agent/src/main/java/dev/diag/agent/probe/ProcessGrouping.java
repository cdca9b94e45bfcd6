package dev.diag.agent.probe;

import dev.diag.protocol.result.ProcessGroup;
import java.lang.management.LockInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Groups every process by kind, state, the class of the lock it waits for, and its top frames
 * ({@value #FRAMES} frames below the park and lock plumbing): the answer to "what are 200,000
 * threads doing?" in a screen.
 *
 * Platform threads are few enough to take every stack (see {@link TopFrames#stacks}). Virtual
 * threads can be a million: each is visited once for its state and park blocker, which is cheap
 * and exact (about 300 ms at 1,000,000 on JDK 25), while a uniform sample of at most
 * {@value #SAMPLES_PER_CLASS} per state-and-lock class (reservoir sampling, holding only the
 * sample) has its stacks walked, 7-60 µs each with no pause; a class's count is then split among
 * its frame groups in the sample's proportions, and marked as an estimate unless every stack of
 * the class was walked. So the counts by state and lock are exact, the split by frames is not
 * when a class is bigger than its sample; the result says which.
 */
public final class ProcessGrouping {
    static final int FRAMES = 5;
    public static final int SAMPLES_PER_CLASS = 500;
    public static final int MAX_VIRTUAL_STACKS = 10_000;
    private static final int PLATFORM_DEPTH = 16;

    /** The processes of one group while they are counted. */
    private static final class Tally {
        double count;
        boolean estimated;
        long examplePid;
        String exampleName;
    }

    /** A group's identity: kind, state, lock class and frames. */
    private record Key(String kind, String state, String lock, List<String> frames) {
    }

    private final Map<Key, Tally> tallies = new HashMap<>();
    private long stacksTaken;

    /** Every platform thread but the caller (the agent's own call thread, busy grouping), each with its whole stack. */
    public long addPlatformThreads() {
        long self = Thread.currentThread().getId();
        List<ThreadTable.Entry> entries = ThreadTable.take().entries().stream().filter(e -> e.id() != self).toList();
        long[] ids = entries.stream().mapToLong(ThreadTable.Entry::id).toArray();
        Map<Long, StackTraceElement[]> stacks = TopFrames.stacks(ids, PLATFORM_DEPTH);
        for (ThreadTable.Entry e : entries) {
            StackTraceElement[] stack = stacks.get(e.id());
            if (stack == null) {
                continue; // ended since the table was taken
            }
            LockInfo lock = e.info().getLockInfo();
            Key key = new Key("platform", e.info().getThreadState().name(), lock == null ? null : lock.getClassName(),
                    frames(stack));
            add(key, 1, false, e.id(), e.info().getThreadName());
        }
        stacksTaken += stacks.size();
        return stacks.size();
    }

    /** Every listable virtual thread: counted exactly by state and lock, frames from a sample. */
    public long addVirtualThreads(VirtualThreads virtualThreads) {
        Map<String, Map<Class<?>, Reservoir>> classes = new HashMap<>();
        long visited = virtualThreads.forEach(thread -> {
            Object blocker = LockSupport.getBlocker(thread);
            classes.computeIfAbsent(thread.getState().name(), s -> new HashMap<>())
                    .computeIfAbsent(blocker == null ? Void.class : blocker.getClass(), c -> new Reservoir())
                    .offer(thread);
            return true;
        });
        // each class gets an equal share of the stacks, so the total stays within MAX_VIRTUAL_STACKS
        int budget = Math.max(1, MAX_VIRTUAL_STACKS / Math.max(1, classes.values().stream().mapToInt(Map::size).sum()));
        classes.forEach((state, byLock) -> byLock.forEach((lock, sample) ->
                addSample(state, lock == Void.class ? null : lock.getName(), sample, budget)));
        return visited;
    }

    private void addSample(String state, String lock, Reservoir sample, int budget) {
        Thread[] taken = sample.shuffled(budget);
        Map<List<String>, List<Thread>> byFrames = new HashMap<>();
        for (Thread thread : taken) {
            byFrames.computeIfAbsent(frames(thread.getStackTrace()), f -> new ArrayList<>()).add(thread);
        }
        stacksTaken += taken.length;
        boolean estimated = taken.length < sample.count;
        byFrames.forEach((frames, threads) -> {
            Thread example = threads.get(0);
            add(new Key("virtual", state, lock, frames), (double) sample.count * threads.size() / taken.length, estimated,
                    example.getId(), example.getName());
        });
    }

    private void add(Key key, double count, boolean estimated, long pid, String name) {
        Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
        if (tally.count == 0) {
            tally.examplePid = pid;
            tally.exampleName = name;
        }
        tally.count += count;
        tally.estimated |= estimated;
    }

    /** Stacks walked so far. */
    public long stacksTaken() {
        return stacksTaken;
    }

    /** Every group, biggest first. */
    public List<ProcessGroup> groups() {
        List<ProcessGroup> groups = new ArrayList<>(tallies.size());
        tallies.forEach((key, t) -> groups.add(new ProcessGroup(Math.round(t.count), t.estimated, key.kind(), key.state(),
                key.lock(), key.frames(), t.examplePid, t.exampleName)));
        groups.sort(Comparator.comparingLong(ProcessGroup::count).reversed()
                .thenComparing(ProcessGroup::kind)
                .thenComparing(ProcessGroup::state)
                .thenComparingLong(ProcessGroup::examplePid)); // ties in a stable order, so a listing can be compared
        return groups;
    }

    /** The top frames that tell one group from another: plumbing skipped, then at most {@value #FRAMES}. */
    static List<String> frames(StackTraceElement[] stack) {
        int from = TopFrames.firstInteresting(stack);
        if (from == stack.length) {
            from = 0; // nothing but plumbing: show it rather than nothing
        }
        List<String> frames = new ArrayList<>(FRAMES);
        for (int i = from; i < stack.length && frames.size() < FRAMES; i++) {
            frames.add(TopFrames.longName(stack[i]));
        }
        return frames;
    }

    /** A uniform sample of at most {@value #SAMPLES_PER_CLASS} threads of one class, and the class's count. */
    private static final class Reservoir {
        final Thread[] threads = new Thread[SAMPLES_PER_CLASS];
        long count;

        void offer(Thread thread) {
            if (count < threads.length) {
                threads[(int) count] = thread;
            } else {
                long slot = ThreadLocalRandom.current().nextLong(count + 1);
                if (slot < threads.length) {
                    threads[(int) slot] = thread;
                }
            }
            count++;
        }

        /** At most {@code n} of the sample, in random order, so any prefix is itself uniform. */
        Thread[] shuffled(int n) {
            Thread[] sample = Arrays.copyOf(threads, (int) Math.min(count, threads.length));
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = sample.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Thread swap = sample[i];
                sample[i] = sample[j];
                sample[j] = swap;
            }
            return Arrays.copyOf(sample, Math.min(n, sample.length));
        }
    }
}
