package dev.diag.agent.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;

/**
 * What every adapter reads of a queue the same way: its bound, and the conditions its producers
 * and consumers park on. ArrayBlockingQueue, LinkedBlockingQueue and LinkedBlockingDeque park
 * producers on {@code notFull} and consumers on {@code notEmpty}: a thread whose blocker is one
 * of them waits on that queue, which is how a handler stuck in put() is tied to its mailbox.
 */
public final class Queues {
    private static final String[] CONDITIONS = {"notFull", "notEmpty"};

    private Queues() {
    }

    /** The queue's bound, or null when unbounded (LinkedBlockingQueue's default, DelayedWorkQueue). */
    public static Integer capacity(Queue<?> queue, int size, JdkInternals internals) {
        if (!(queue instanceof BlockingQueue<?> blocking)) {
            return null;
        }
        int remaining = blocking.remainingCapacity();
        if ((long) size + remaining >= Integer.MAX_VALUE) {
            return null;
        }
        // size and remainingCapacity are two reads of a moving queue; a JDK queue's own bound is exact.
        if (queue.getClass().getClassLoader() == null) {
            if (internals.read(queue, "items").orElse(null) instanceof Object[] items) {
                return items.length; // ArrayBlockingQueue
            }
            if (internals.read(queue, "capacity").orElse(null) instanceof Integer bound) {
                return bound; // LinkedBlockingQueue, LinkedBlockingDeque
            }
        }
        return size + remaining;
    }

    /** The conditions producers and consumers of {@code queue} park on; empty for a queue that has none. */
    public static List<Object> conditions(Object queue, JdkInternals internals) {
        List<Object> conditions = new ArrayList<>(2);
        for (String field : CONDITIONS) {
            Object condition = internals.read(queue, field).orElse(null);
            if (condition != null) {
                conditions.add(condition);
            }
        }
        return conditions;
    }

    /** A meter of what is taken from {@code queue}, or null where the queue counts nothing diag can read. */
    public static FlowMeter flow(Object queue, JdkInternals internals) {
        return TakeIndexMeter.of(queue, internals);
    }

    /** The thread ids, ascending: a mailbox's owners as every view lists them. */
    public static List<Long> ids(List<Thread> threads) {
        long[] ids = new long[threads.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = threads.get(i).getId();
        }
        java.util.Arrays.sort(ids);
        List<Long> sorted = new ArrayList<>(ids.length);
        for (long id : ids) {
            sorted.add(id);
        }
        return sorted;
    }
}
