package dev.diag.shell.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.shell.testing.Eventually;
import dev.diag.shell.testing.FakeNode;
import dev.diag.shell.testing.FakeNodes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One job: its prompt counter, its call on its own thread, interrupting that call, reconnecting. */
@Timeout(20)
class JobTest {
    @RegisterExtension
    final FakeNodes nodes = new FakeNodes();

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private JobTable jobs;

    @BeforeEach
    void jobs() {
        jobs = nodes.jobs(terminal);
    }

    @Test
    void thePromptCountsEachLineAndTheAnswerGoesToTheAttachedTerminal() throws Exception {
        Job job = jobs.start(nodes.start("alpha"));
        job.output().attach();
        assertEquals("(" + job.node() + ")1> ", job.prompt());

        job.submit("memory(heap).", () -> 80, () -> 24);
        Eventually.until(() -> !job.busy(), "the call to end");

        assertEquals("(" + job.node() + ")2> ", job.prompt());
        assertTrue(screen().contains("(heap: 1.00 KiB)"), screen());
    }

    @Test
    void interruptCancelsTheRunningCallOnItsNodeAndTheJobStays() throws Exception {
        FakeNode slow = nodes.start("slow", Set.of("memory"));
        Job job = jobs.start(slow.address());
        job.output().attach();
        job.submit("memory(heap).", () -> 80, () -> 24);
        Eventually.until(() -> slow.calls().contains("memory"), "the node to take the call");
        assertTrue(job.busy());

        job.interrupt();

        Eventually.until(() -> !job.busy(), () -> "the cancelled call to end; the node saw " + slow.calls());
        assertTrue(slow.calls().contains("cancel"), slow.calls().toString());
        assertTrue(screen().contains("cancelled"), screen());
        assertFalse(job.gone());
    }

    @Test
    void interruptWithoutARunningCallSendsNothing() throws Exception {
        FakeNode node = nodes.start("idle", Set.of());
        Job job = jobs.start(node.address());

        job.interrupt();

        assertFalse(node.calls().contains("cancel"), node.calls().toString());
    }

    @Test
    void aJobWhoseNodeWentAwayIsGoneUntilItConnectsAgain() throws Exception {
        FakeNode node = nodes.start("alpha", Set.of());
        Job job = jobs.start(node.address());
        job.output().attach();

        node.dropConnections(); // as a crash would; the fake takes new connections, as a node restarted by heart
        job.submit("memory(heap).", () -> 80, () -> 24);
        Eventually.until(job::gone, "the job to see its node went away");
        job.connect();
        job.submit("memory(heap).", () -> 80, () -> 24);
        Eventually.until(() -> !job.busy(), "the call to end");

        assertFalse(job.gone());
        assertTrue(screen().contains("(heap: 1.00 KiB)"), screen());
    }

    private String screen() {
        return terminal.toString(StandardCharsets.UTF_8);
    }
}
