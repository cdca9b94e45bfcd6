package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.ProcessGroup;
import dev.diag.protocol.result.ProcessGroups;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupsViewTest {
    private static final ProcessGroup SLEEPERS = new ProcessGroup(500_000, true, "virtual", "TIMED_WAITING", null,
            List.of("java.lang.Thread.sleep(Thread.java:540)", "Orders.handle(Orders.java:61)"), 35, "sleeper-0");
    private static final ProcessGroup LOCKED = new ProcessGroup(7, false, "virtual", "WAITING",
            "java.util.concurrent.locks.ReentrantLock$NonfairSync", List.of("Orders.pay(Orders.java:76)"), 100024, "");
    private static final ProcessGroups GROUPS = new ProcessGroups(1_000_013, 13, 1_000_000, List.of(SLEEPERS, LOCKED),
            4, 499_999, 1_020, "how", null, 348);

    @Test
    void linesUpEachGroupsHeadingAndIndentsItsFrames() {
        List<String> lines = GroupsView.render(GROUPS, 100);
        assertEquals("1,000,013 processes: 13 platform, 1,000,000 virtual; biggest groups first", lines.get(0));
        assertEquals("   COUNT  KIND     STATE          LOCK                       EXAMPLE", lines.get(1));
        assertEquals("~500,000  virtual  TIMED_WAITING  -                          <35> sleeper-0", lines.get(2));
        assertEquals("             java.lang.Thread.sleep(Thread.java:540)", lines.get(3));
        assertEquals("       7  virtual  WAITING        ReentrantLock$NonfairSync  <100024>", lines.get(5));
    }

    @Test
    void saysHowManyGroupsAndProcessesWereLeftOut() {
        List<String> lines = GroupsView.render(GROUPS, 100);
        assertTrue(lines.contains("… 4 more groups of 499,999 processes: groups(6) shows them all"), lines.toString());
    }

    @Test
    void fitsTheWidth() {
        for (String line : GroupsView.render(GROUPS, 50)) {
            assertTrue(line.length() <= 50, line);
        }
    }

    @Test
    void showsTheNodesNoteOnWhatItCouldNotSee() {
        ProcessGroups unlisted = new ProcessGroups(13, 13, 0, List.of(), 0, 0, 13, "how", "500000 more are not grouped", 5);
        List<String> lines = GroupsView.render(unlisted, 100);
        assertEquals("note: 500000 more are not grouped", lines.get(lines.size() - 1));
    }
}
