package dev.diag.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.shell.jobs.SwitchCommand;
import dev.diag.shell.testing.Eventually;
import dev.diag.shell.testing.FakeNode;
import dev.diag.shell.testing.FakeNodes;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Erlang's ^G menu in a console on pipes, against loopback stand-ins for nodes. */
@Timeout(20)
class SwitchMenuTest {
    @RegisterExtension
    final FakeNodes nodes = new FakeNodes();

    @Test
    void remoteJobBecomesCurrent() throws Exception {
        String alpha = nodes.start("alpha");
        String beta = nodes.start("beta");
        try (PipedConsole console = menuOn(alpha)) {

            console.line("r " + beta);
            console.awaitText("Job 2 on " + beta + ", now current; c connects to it.");
            console.line("j");
            String screen = console.awaitText("   2* " + beta);
            assertTrue(screen.contains("   1  " + alpha + "\n"), screen);
            console.line("c");
            screen = console.awaitPrompt(beta, 1);
            assertTrue(screen.contains("Attached to " + beta + " (Java 17.0.99, up 1 h"), screen);

            console.line("q().");
            assertEquals(0, console.awaitExit());
        }
    }

    @Test
    void helpShowsErlangsMenuForBothLetters() throws Exception {
        String alpha = nodes.start("alpha");
        try (PipedConsole console = menuOn(alpha)) {
            console.line("h");
            console.line("?");
            console.awaitCount(String.join("\n", SwitchCommand.HELP) + "\n --> ", 2);
            console.line("q");
            assertEquals(0, console.awaitExit());
        }
    }

    @Test
    void unknownJobsAndCommandsAreSentencesAndTheMenuStays() throws Exception {
        String alpha = nodes.start("alpha");
        try (PipedConsole console = menuOn(alpha)) {
            console.line("c 7");
            console.awaitText("Unknown job\n --> ");
            console.line("k two");
            console.awaitCount("Unknown job\n --> ", 2);
            console.line("x");
            console.awaitText("Unknown switch command\n --> ");
            console.line("r");
            console.awaitText("r needs a node: r NODE, e.g. r orders@db1\n --> ");
            console.line("");
            console.line("c 1");
            console.awaitCount("(" + alpha + ")1> ", 2);
            assertEquals(1, PipedConsole.count(console.screen(), "Attached to "), "the banner shows once a job");
        }
    }

    @Test
    void killingTheCurrentJobMakesTheNewestRemainingCurrent() throws Exception {
        String alpha = nodes.start("alpha");
        String beta = nodes.start("beta");
        String gamma = nodes.start("gamma");
        try (PipedConsole console = menuOn(alpha)) {
            console.line("r " + beta);
            console.awaitText("Job 2 on ");
            console.line("r " + gamma);
            console.awaitText("Job 3 on ");
            console.line("k");
            console.line("j");
            String screen = console.awaitText("   2* " + beta);
            assertFalse(screen.substring(screen.lastIndexOf(" --> k")).contains(gamma), screen);
            console.line("c");
            console.awaitPrompt(beta, 1);
        }
    }

    @Test
    void ctrlGWhileACallRunsLeavesItRunningAndHoldsItsOutputUntilConnected() throws Exception {
        FakeNode slow = nodes.start("slow", Set.of("memory"));
        String node = slow.address();
        try (PipedConsole console = PipedConsole.waitingOn(nodes, slow)) {
            console.openMenu();
            console.line("j");
            console.awaitText("   1* " + node + " (running)");

            console.line("i");
            Eventually.until(() -> !console.jobs().current().orElseThrow().busy(), "the interrupted call to end");
            assertFalse(console.screen().contains("cancelled"), "held while away: " + console.screen());
            console.line("c");
            String screen = console.awaitPrompt(node, 2);
            assertTrue(screen.indexOf("cancelled") > screen.lastIndexOf(" --> c"), screen);
        }
    }

    @Test
    void ctrlCInTheMenuConnectsToTheCurrentJob() throws Exception {
        String alpha = nodes.start("alpha");
        try (PipedConsole console = menuOn(alpha)) {
            console.type(PipedConsole.CTRL_C);
            console.awaitCount("(" + alpha + ")1> ", 2);
            assertFalse(console.ended());
        }
    }

    /** A console attached to {@code node}, in the ^G menu. */
    private PipedConsole menuOn(String node) throws Exception {
        return PipedConsole.attached(nodes, node).then(PipedConsole::openMenu);
    }
}
