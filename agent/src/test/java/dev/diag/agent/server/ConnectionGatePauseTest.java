package dev.diag.agent.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.server.limits.ConnectionLimits;
import dev.diag.agent.server.limits.StartupLimit;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The gate on a stand-in listening channel, on a clock the test holds still: when it stops reading
 * the listening socket, and when its timer starts again. The accepted sockets here are embedded channels without an address, so
 * each is refused, and each still counts as an accept.
 */
class ConnectionGatePauseTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void stopsAcceptingPastTheBurstAndStartsAgainWhenTheDebtIsPaid() {
        EmbeddedChannel listener = listener();
        for (int i = 0; i < ConnectionLimits.ACCEPT_BURST - 1; i++) {
            listener.writeInbound(new EmbeddedChannel());
        }
        assertTrue(listener.config().isAutoRead(), "paused within the burst");

        listener.writeInbound(new EmbeddedChannel()); // the burst's last token: the next must wait for one
        assertFalse(listener.config().isAutoRead(), "still accepting with no token left");

        long oneToken = TimeUnit.SECONDS.toNanos(1) / ConnectionLimits.ACCEPTS_PER_SECOND;
        listener.advanceTimeBy(oneToken / 2, TimeUnit.NANOSECONDS);
        listener.runScheduledPendingTasks();
        assertFalse(listener.config().isAutoRead(), "started again before the debt was paid");
        listener.advanceTimeBy(oneToken, TimeUnit.NANOSECONDS);
        listener.runScheduledPendingTasks();
        assertTrue(listener.config().isAutoRead(), "did not start accepting again");
        assertFalse(listener.finish());
    }

    @Test
    void aFailedAcceptPausesForASecondAndSaysSoInOneSentence() throws IOException {
        EmbeddedChannel listener = listener();
        String printed = stderrOf(() -> {
            listener.pipeline().fireExceptionCaught(new IOException("Too many open files"));
            listener.pipeline().fireExceptionCaught(new IOException("Too many open files"));
        });

        assertFalse(listener.config().isAutoRead(), "kept accepting after a failed accept");
        assertEquals("diag: cannot accept connections (Too many open files); trying again every 1 s\n", printed);
        listener.advanceTimeBy(ConnectionGate.ACCEPT_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
        listener.runScheduledPendingTasks();
        assertTrue(listener.config().isAutoRead(), "did not start accepting again");
        assertFalse(listener.finish());
    }

    private EmbeddedChannel listener() {
        EmbeddedChannel listener = new EmbeddedChannel();
        listener.freezeTime();
        listener.pipeline().addLast(new ConnectionGate(new ConnectionLimits(8, StartupLimit.DEFAULT), new RefusalLog(),
                now::get));
        return listener;
    }

    private static String stderrOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
