package dev.diag.agent.probe;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The collectors' pause time over the last minute, for {@code why()}'s heap finding: the JVM's
 * counters say only "since start", and no thread of diag's may keep a history. So the agent
 * listens, from its start until it stops, to the notification each collector sends after a
 * collection (delivered on the JVM's own notification thread; no thread is started) and adds the
 * collection's duration to one of 60 one-second slots. Reading it sums the slots of the last 60 s.
 *
 * <p>Cost: with a listener the JVM builds a small GcInfo per collection (its pools before and
 * after, a few KB) and calls {@link #handle} once; the slots are 960 bytes. Pauses only: a
 * collector whose time is a concurrent cycle (G1's "G1 Concurrent GC", ZGC's and Shenandoah's
 * "… Cycles") runs beside the app and is left out. {@link #close()} removes every listener.
 */
public final class GcHistory implements AutoCloseable {
    static final int SECONDS = 60;

    private final long[] slotSecond = new long[SECONDS]; // the epoch second each slot holds
    private final long[] slotMillis = new long[SECONDS];
    private final long since;
    private final long jvmStart;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::handle;
    private volatile int heard; // collections counted: for tests

    /** The pause time in the last {@code coveredMillis} (a minute once the agent has listened that long). */
    public record Minute(long gcMillis, long coveredMillis) {
        public double share() {
            return coveredMillis <= 0 ? 0 : Math.min(1, (double) gcMillis / coveredMillis); // slots are whole seconds
        }
    }

    private GcHistory(long since, long jvmStart) {
        this.since = since;
        this.jvmStart = jvmStart;
    }

    /** A history that listens to nothing: an embedded agent's, a test's. */
    public static GcHistory none() {
        return new GcHistory(Long.MAX_VALUE, 0);
    }

    /** A history fed by hand through {@link #add}, as if listening since {@code since}: for tests. */
    static GcHistory fedBy(long since) {
        return new GcHistory(since, 0);
    }

    int heard() {
        return heard;
    }

    /** Starts listening to every collector that pauses the app; a JVM that refuses gets {@link #none()}. */
    public static GcHistory start() {
        GcHistory history;
        try {
            history = new GcHistory(System.currentTimeMillis(), ManagementFactory.getRuntimeMXBean().getStartTime());
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (isPause(gc.getName()) && gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(history.listener, null, null);
                    history.emitters.add(emitter);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            return none(); // no history: why() says GC time over its window and since start
        }
        return history;
    }

    /** True for a collector whose time stops the app, false for a concurrent cycle's. */
    public static boolean isPause(String collector) {
        return !collector.contains("Concurrent") && !collector.endsWith("Cycles");
    }

    private void handle(Notification notification, Object handback) {
        try {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())
                    || !(notification.getUserData() instanceof CompositeData data)) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(data);
            if (isPause(info.getGcName())) {
                heard++; // one notification thread calls this: no lost updates
                add((jvmStart + info.getGcInfo().getEndTime()) / 1000, info.getGcInfo().getDuration());
            }
        } catch (RuntimeException | LinkageError e) {
            // a notification of another shape: this one is not counted, the app is not disturbed
        }
    }

    /** Adds {@code millis} of pause ending in epoch second {@code second}. */
    synchronized void add(long second, long millis) {
        int slot = (int) Math.floorMod(second, (long) SECONDS);
        if (slotSecond[slot] != second) {
            slotSecond[slot] = second;
            slotMillis[slot] = 0;
        }
        slotMillis[slot] += Math.max(0, millis);
    }

    /** The pause time of the last minute up to {@code nowMillis}, or of as much of it as was listened to. */
    public synchronized Minute lastMinute(long nowMillis) {
        long covered = Math.max(0, Math.min(SECONDS * 1000L, nowMillis - since));
        long nowSecond = nowMillis / 1000;
        long sum = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (slotSecond[i] > nowSecond - SECONDS && slotSecond[i] <= nowSecond) {
                sum += slotMillis[i];
            }
        }
        return new Minute(sum, covered);
    }

    /** Stops listening: nothing of the agent's stays with the collectors. */
    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (Exception e) {
                // already gone
            }
        }
        emitters.clear();
    }
}
