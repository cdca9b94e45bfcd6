package dev.diag.agent.probe.frameworks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What the actor tests' stuck actor does, whichever library runs it (Pekko, Akka): on "block" it
 * does not return until the test releases it, and says which thread runs it.
 */
final class BlockedActors {
    private static volatile boolean released;
    private static volatile Thread running;

    private BlockedActors() {
    }

    /** The actor's side: runs until {@link #release()}. */
    static void block() throws InterruptedException {
        running = Thread.currentThread();
        while (!released) {
            Thread.sleep(5);
        }
    }

    /** Before a test: no actor released, none running yet. */
    static void reset() {
        released = false;
        running = null;
    }

    static void release() {
        released = true;
    }

    /** The thread running the blocked actor, once it runs. */
    static Thread running() throws InterruptedException {
        awaitTrue(() -> running != null);
        return running;
    }

    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(10);
        }
    }

    /**
     * A scan once {@code n} actors show (an actor made from outside starts a moment later) and one
     * of them has its runner named: an actor told from outside is marked scheduled a moment before
     * its task reaches the pool's queue, and until then two actors look running, so the adapter
     * rightly names neither.
     */
    static MailboxSnapshot actorsSeen(MailboxFinder finder, int n) throws InterruptedException {
        MailboxSnapshot[] snapshot = new MailboxSnapshot[1];
        awaitTrue(() -> {
            snapshot[0] = finder.scan(Thread.getAllStackTraces().keySet());
            return snapshot[0].all().stream().filter(m -> m.kind().equals("actor")).count() >= n
                    && snapshot[0].all().stream().anyMatch(m -> m.kind().equals("actor") && !m.ownerThreadIds().isEmpty());
        });
        return snapshot[0];
    }
}
