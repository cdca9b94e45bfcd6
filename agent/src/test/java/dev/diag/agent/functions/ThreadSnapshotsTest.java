package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Where the JVM has no jdk.internal.vm.ThreadSnapshot (JDK 17-24, as the unit tests run), the
 * reader is not found and backtraces() takes ThreadInfos instead; no exception escapes the
 * looking. (On JDK 25 BacktracesIT compares the snapshots' rows with ThreadInfo's.)
 */
class ThreadSnapshotsTest {

    @Test
    void isNotFoundWhereTheJdkHasNoThreadSnapshot() {
        assumeTrue(Runtime.version().feature() < 25, "this JDK has ThreadSnapshot: BacktracesIT covers it");
        assertNull(ThreadSnapshots.find());
    }
}
