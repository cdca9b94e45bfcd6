package dev.diag.agent.heart;

import dev.diag.protocol.result.HealthCheckState;
import java.io.IOException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The thread "diag-heart": once a second, reads the health checks and writes heart a beat, or,
 * while a check fails, tells heart why once and writes nothing. What it last saw is what
 * heart:status() shows. Allocates nothing per beat while no health check is registered.
 *
 * <pre>
 * healthy:     B           B           B           (one byte a second)
 * a check fails:  W "health check 'db' failing"      (once; again only if the reason changes)
 * </pre>
 */
final class Beater implements Runnable {
    private final HeartPipe.Writer pipe;
    private final BooleanSupplier stopped;
    private final Consumer<IOException> broken;
    private volatile long lastBeatMillis;
    private volatile long withholdingSinceMillis;
    private volatile String withholdingBecause;
    private volatile List<HealthCheckState> checks = List.of();

    /** Beats {@code pipe} until {@code stopped}; a write that fails goes to {@code broken} and ends the thread. */
    Beater(HeartPipe.Writer pipe, BooleanSupplier stopped, Consumer<IOException> broken) {
        this.pipe = pipe;
        this.stopped = stopped;
        this.broken = broken;
    }

    @Override
    public void run() {
        while (!stopped.getAsBoolean()) {
            try {
                beatOnce();
                Thread.sleep(Heart.BEAT_MILLIS);
            } catch (IOException e) {
                broken.accept(e);
                return;
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) { // e.g. out of heap while reading a check: skip this beat, try again
                try {
                    Thread.sleep(Heart.BEAT_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void beatOnce() throws IOException {
        HealthChecks.Reading reading = HealthChecks.read();
        checks = reading.checks();
        String failing = reading.failing();
        if (failing == null) {
            pipe.beat();
            lastBeatMillis = System.currentTimeMillis();
            withholdingBecause = null;
        } else if (!failing.equals(withholdingBecause)) {
            pipe.withheld(failing);
            if (withholdingBecause == null) {
                withholdingSinceMillis = System.currentTimeMillis();
            }
            withholdingBecause = failing;
        }
    }

    /** When the last beat was written (ms since the epoch), or null before the first. */
    Long lastBeatMillis() {
        return lastBeatMillis == 0 ? null : lastBeatMillis;
    }

    /** Why the beat is withheld now, or null while the node beats. */
    String withholdingBecause() {
        return withholdingBecause;
    }

    Long withholdingSinceMillis() {
        return withholdingBecause == null ? null : withholdingSinceMillis;
    }

    List<HealthCheckState> checks() {
        return checks;
    }
}
