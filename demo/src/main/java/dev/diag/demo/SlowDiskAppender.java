package dev.diag.demo;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.TimeUnit;

/**
 * The appender behind the demo's AsyncAppender: it "writes" each event (counts its bytes) and,
 * once told to {@link #slowDown}, takes that long per event, as a full disk or a stalled log
 * shipper does. Runs on logback's worker thread only.
 */
public final class SlowDiskAppender extends AppenderBase<ILoggingEvent> {
    private volatile long writeNanos;
    private long written;

    /** From now on every write takes {@code millis}. */
    void slowDown(long millis) {
        writeNanos = TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Override
    protected void append(ILoggingEvent event) {
        long delay = writeNanos;
        if (delay > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        written += event.getFormattedMessage().length();
    }
}
