package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.Deadlock;
import dev.diag.protocol.result.Deadlocks;
import dev.diag.protocol.result.LockRef;
import dev.diag.protocol.result.LockWait;
import dev.diag.protocol.result.ProcessRef;
import dev.diag.protocol.result.StackFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadlocksViewTest {
    private static final LockRef OBJECT = new LockRef("java.lang.Object", 0x1b6d3586);
    private static final LockRef SYNC = new LockRef("java.util.concurrent.locks.ReentrantLock$NonfairSync", 0x4554617c);
    private static final LockWait A_WAITS = new LockWait(31, "worker-a", "BLOCKED", OBJECT, LockWait.MONITOR,
            new ProcessRef(32, "worker-b"), frame("transfer", 41), frame("audit", 17));
    private static final LockWait B_WAITS = new LockWait(32, "worker-b", "WAITING", SYNC, LockWait.SYNCHRONIZER,
            new ProcessRef(31, "worker-a"), frame("audit", 19), null);
    private static final Deadlock MIXED = new Deadlock(List.of(A_WAITS, B_WAITS), List.of(), 0);

    @Test
    void saysNoDeadlocksPlainly() {
        assertEquals(List.of("no deadlocks"), DeadlocksView.render(new Deadlocks(List.of(), null), 80));
    }

    @Test
    void showsEachEdgeWithItsLockHolderWhereItWaitsAndWhereTheHolderTookAMonitor() {
        assertEquals(List.of(
                "deadlock 1 (2 threads):",
                "  <31> worker-a  BLOCKED  waits for java.lang.Object@1b6d3586 (monitor)  held by <32> worker-b",
                "      at Bank.transfer(Bank.java:41)",
                "      <32> locked it at Bank.audit(Bank.java:17)",
                "  <32> worker-b  WAITING  waits for java.util.concurrent.locks.ReentrantLock$NonfairSync@4554617c  "
                        + "held by <31> worker-a",
                "      at Bank.audit(Bank.java:19)"),
                DeadlocksView.render(new Deadlocks(List.of(MIXED), null), 200));
    }

    @Test
    void listsThreadsBehindTheCycleApartFromItAndCountsThoseLeftOut() {
        LockWait behind = new LockWait(40, "reporter", "BLOCKED", OBJECT, LockWait.MONITOR, new ProcessRef(31, "worker-a"),
                frame("report", 7), frame("audit", 17));
        List<String> lines = DeadlocksView.render(new Deadlocks(List.of(
                new Deadlock(List.of(A_WAITS, B_WAITS), List.of(behind), 4)), null), 200);

        assertEquals(List.of(
                "  blocked behind it, not in the cycle (5 threads):",
                "  <40> reporter  BLOCKED  waits for java.lang.Object@1b6d3586 (monitor)  held by <31> worker-a",
                "      at Bank.report(Bank.java:7)",
                "      <31> locked it at Bank.audit(Bank.java:17)",
                "  … 4 more blocked behind it"), lines.subList(lines.size() - 5, lines.size()));
    }

    @Test
    void numbersSeveralDeadlocksAndSeparatesThemByABlankLine() {
        List<String> lines = DeadlocksView.render(new Deadlocks(List.of(MIXED, MIXED), null), 200);
        assertEquals("deadlock 1 (2 threads):", lines.get(0));
        assertEquals(List.of("", "deadlock 2 (2 threads):"), lines.subList(6, 8));
    }

    @Test
    void breaksAnEdgeTooWideBeforeWaitsForAndHeldByAndFitsEveryLine() {
        List<String> lines = DeadlocksView.render(new Deadlocks(List.of(MIXED), null), 80);

        assertEquals(List.of(
                "  <32> worker-b  WAITING",
                "      waits for java.util.concurrent.locks.ReentrantLock$NonfairSync@4554617c",
                "      held by <31> worker-a"), lines.subList(6, 9));
        lines.forEach(line -> assertTrue(line.length() <= 80, line));
        DeadlocksView.render(new Deadlocks(List.of(MIXED), null), 30).forEach(line -> assertTrue(line.length() <= 30, line));
    }

    @Test
    void theNodesNoteFollowsNoDeadlocksWrappedToTheWidth() {
        String note = "Virtual threads were not looked at: the JVM's detector sees only platform threads.";
        List<String> lines = DeadlocksView.render(new Deadlocks(List.of(), note), 40);

        assertEquals("no deadlocks", lines.get(0));
        assertEquals(note, String.join(" ", lines.subList(1, lines.size())));
        lines.forEach(line -> assertTrue(line.length() <= 40, line));
    }

    private static StackFrame frame(String method, int line) {
        return new StackFrame("Bank", method, "Bank.java", line, false, List.of());
    }
}
