package dev.diag.agent.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.ProfileStack;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollapsedStacksTest {

    @Test
    void keepsTheHeaviestStacksFirstAndSkipsLinesThatAreNotStacks() {
        CollapsedStacks.Bounded bounded = CollapsedStacks.bound("""
                main;light 2
                [INFO] No samples were collected
                main;heavy;leaf 30

                main;middle 5
                """);

        assertEquals(List.of(new ProfileStack("main;heavy;leaf", 30), new ProfileStack("main;middle", 5),
                new ProfileStack("main;light", 2)), bounded.stacks());
        assertEquals(37, bounded.total());
        assertEquals(0, bounded.stacksLeftOut());
    }

    @Test
    void countsTheLightestStacksItLeavesOutBeyondTheStackLimit() {
        StringBuilder collapsed = new StringBuilder();
        for (int i = 1; i <= CollapsedStacks.MAX_STACKS + 3; i++) {
            collapsed.append("main;frame").append(i).append(' ').append(i).append('\n');
        }

        CollapsedStacks.Bounded bounded = CollapsedStacks.bound(collapsed.toString());

        assertEquals(CollapsedStacks.MAX_STACKS, bounded.stacks().size());
        assertEquals(3, bounded.stacksLeftOut());
        assertEquals(1 + 2 + 3, bounded.weightLeftOut(), "the three lightest were left out");
        assertEquals((long) (CollapsedStacks.MAX_STACKS + 3) * (CollapsedStacks.MAX_STACKS + 4) / 2, bounded.total());
    }

    @Test
    void cutsAVeryDeepStackToTheFramesNearestTheSampledOne() {
        String deep = "root;" + "recurse;".repeat(5000) + "leaf";

        ProfileStack cut = CollapsedStacks.bound(deep + " 7").stacks().get(0);

        assertTrue(cut.frames().length() <= CollapsedStacks.MAX_STACK_CHARS, cut.frames().length() + " chars");
        assertTrue(cut.frames().startsWith(CollapsedStacks.CUT + ";recurse;"), cut.frames().substring(0, 60));
        assertTrue(cut.frames().endsWith(";recurse;leaf"));
        assertEquals(7, cut.weight());
    }

    @Test
    void staysWithinItsCharacterBudgetWhateverTheStackCount() {
        String frames = "x".repeat(10_000);
        StringBuilder collapsed = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            collapsed.append(frames).append(i).append(' ').append(1).append('\n');
        }

        CollapsedStacks.Bounded bounded = CollapsedStacks.bound(collapsed.toString());

        long chars = bounded.stacks().stream().mapToLong(s -> s.frames().length()).sum();
        assertTrue(chars <= CollapsedStacks.MAX_CHARS, chars + " chars");
        assertEquals(400, bounded.stacks().size() + bounded.stacksLeftOut());
    }
}
