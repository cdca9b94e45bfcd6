package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

/**
 * Which failures of JDK 25's no-pause path turn it off for the node's lifetime: only those that say
 * ThreadSnapshot cannot be read by reflection here; a closed connection, a mailbox adapter's
 * exception or an Error inside ThreadSnapshot.of fail just that call.
 */
class BacktracesTest {

    @Test
    void aReflectionOrLinkageFailureTurnsTheSnapshotsOff() {
        assertTrue(Backtraces.snapshotsUnusable(new IllegalAccessException("closed")));
        assertTrue(Backtraces.snapshotsUnusable(new NoSuchFieldException("locks")));
        assertTrue(Backtraces.snapshotsUnusable(new NoSuchMethodException("of")));
        assertTrue(Backtraces.snapshotsUnusable(new ClassCastException("changed type")));
        assertTrue(Backtraces.snapshotsUnusable(new UnsupportedOperationException("not on this JVM")));
        assertTrue(Backtraces.snapshotsUnusable(new NoClassDefFoundError("jdk/internal/vm/ThreadSnapshot")));
        assertTrue(Backtraces.snapshotsUnusable(new InaccessibleObjectException("not opened")));
    }

    @Test
    void anyOtherFailureLeavesTheSnapshotsOnForTheNextCall() {
        assertFalse(Backtraces.snapshotsUnusable(new UncheckedIOException(new IOException("connection closed"))));
        assertFalse(Backtraces.snapshotsUnusable(new IllegalStateException("a mailbox adapter failed")));
        assertFalse(Backtraces.snapshotsUnusable(new InvocationTargetException(new OutOfMemoryError("in of"))));
        assertFalse(Backtraces.snapshotsUnusable(new NullPointerException()));
    }
}
