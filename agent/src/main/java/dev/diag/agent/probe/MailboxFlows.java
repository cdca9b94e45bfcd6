package dev.diag.agent.probe;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The drain and arrival rates of the mailboxes over a window ({@code why()}'s), from their
 * {@link FlowMeter}s: what left is the meter's step from the start of the window to its end,
 * what came in is what left plus how much the mailbox grew (its size, and for a pool its busy
 * workers, who hold a task that is neither queued nor done). A meter that wraps (a ring's index)
 * is read every {@value #TICK_MILLIS} ms through the window; a step over half its ring means a
 * whole turn may have passed unseen, so that rate is a lower bound. A running total (completed
 * tasks, a ring's sequence) is read at the two ends only, the end through the second scan's meter,
 * which sees workers started during the window.
 *
 * <p>Cost: one meter read per metered mailbox at each end, and per wrapping meter one field read
 * a tick; at most {@value #MAX_METERED} mailboxes are metered (the largest at the start).
 */
public final class MailboxFlows {
    static final long TICK_MILLIS = 10;
    static final int MAX_METERED = 256;

    /** Rates over the window, per second; {@code atLeast} when the drain may be higher than counted. */
    public record Flow(double outPerSecond, double inPerSecond, boolean atLeast, String counts) {
    }

    /** One metered mailbox through the window. */
    private static final class Track {
        final FlowMeter meter;
        final long first;
        long last;
        long steps;
        boolean atLeast;

        Track(FlowMeter meter, long first) {
            this.meter = meter;
            this.first = first;
            this.last = first;
        }

        /** A wrapping meter's reading: adds the step since the last one. */
        void tick() {
            long now = meter.drained();
            if (now < 0) {
                return; // unreadable this time: the next step spans both
            }
            int ring = meter.wrapsAt();
            long step = Math.floorMod(now - last, (long) ring);
            atLeast |= step > ring / 2;
            steps += step;
            last = now;
        }
    }

    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final long started;
    private boolean wrapping;

    private MailboxFlows(MailboxSnapshot before) {
        for (Mailbox box : before.all()) {
            FlowMeter meter = before.meter(box.name());
            long first = meter == null || tracks.size() >= MAX_METERED ? -1 : meter.drained();
            if (first >= 0) {
                tracks.put(box.name(), new Track(meter, first));
                wrapping |= meter.wrapsAt() > 0;
            }
        }
        started = System.nanoTime();
    }

    /** Reads every meter of {@code before} now: the start of the window. */
    public static MailboxFlows start(MailboxSnapshot before) {
        return new MailboxFlows(before);
    }

    /** Waits out the window, reading the wrapping meters as it goes. */
    public void await(long windowMillis) throws InterruptedException {
        if (!wrapping) {
            Thread.sleep(windowMillis);
            return;
        }
        long end = System.nanoTime() + windowMillis * 1_000_000;
        for (long left = windowMillis; left > 0; left = (end - System.nanoTime() + 999_999) / 1_000_000) {
            Thread.sleep(Math.min(TICK_MILLIS, left));
            tickWrapping();
        }
    }

    private void tickWrapping() {
        for (Track track : tracks.values()) {
            if (track.meter.wrapsAt() > 0) {
                track.tick();
            }
        }
    }

    /** The rates by mailbox name, from the meters now and the sizes of the two scans; absent where not counted. */
    public Map<String, Flow> finish(MailboxSnapshot before, MailboxSnapshot after) {
        tickWrapping();
        double seconds = Math.max(1, System.nanoTime() - started) / 1e9;
        Map<String, Mailbox> was = byName(before);
        Map<String, Mailbox> now = byName(after);
        Map<String, Flow> flows = new HashMap<>();
        for (Map.Entry<String, Track> e : tracks.entrySet()) {
            Track track = e.getValue();
            Mailbox start = was.get(e.getKey());
            Mailbox end = now.get(e.getKey());
            long out;
            if (track.meter.wrapsAt() > 0) {
                out = track.steps;
            } else {
                FlowMeter meter = after.meter(e.getKey());
                long last = (meter == null ? track.meter : meter).drained();
                if (last < 0) {
                    continue;
                }
                out = Math.max(0, last - track.first);
            }
            if (end == null) {
                continue; // gone by the end of the window: no size to weigh the arrivals with
            }
            long grew = (long) end.size() - start.size() + busy(end) - busy(start);
            long in = Math.max(0, out + grew);
            flows.put(e.getKey(), new Flow(out / seconds, in / seconds, track.atLeast, track.meter.counts()));
        }
        return flows;
    }

    /** Busy workers hold a task that has arrived and not left; 0 where the pool does not say. */
    private static int busy(Mailbox box) {
        return box.busy() == null ? 0 : box.busy();
    }

    private static Map<String, Mailbox> byName(MailboxSnapshot snapshot) {
        Map<String, Mailbox> byName = new HashMap<>();
        for (Mailbox box : snapshot.all()) {
            byName.put(box.name(), box);
        }
        return byName;
    }
}
