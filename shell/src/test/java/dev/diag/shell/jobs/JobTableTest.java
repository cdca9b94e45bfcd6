package dev.diag.shell.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.shell.testing.Eventually;
import dev.diag.shell.testing.FakeNode;
import dev.diag.shell.testing.FakeNodes;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which job is current as jobs start and die, and Erlang's j listing, against loopback stand-ins for nodes. */
@Timeout(20)
class JobTableTest {
    @RegisterExtension
    final FakeNodes nodes = new FakeNodes();

    private JobTable jobs;

    @BeforeEach
    void jobs() {
        jobs = nodes.jobs(new ByteArrayOutputStream());
    }

    @Test
    void aStartedJobBecomesCurrentAndTheListingStarsIt() throws Exception {
        Job alpha = jobs.start(nodes.start("alpha"));
        assertEquals(Optional.of(alpha), jobs.current());
        Job beta = jobs.start(nodes.start("beta"));

        assertEquals(Optional.of(beta), jobs.current());
        assertEquals(List.of("   1  " + alpha.node(), "   2* " + beta.node()), jobs.listing());
    }

    @Test
    void findWithoutANumberIsTheCurrentJobAndAnUnknownNumberIsNone() throws Exception {
        Job alpha = jobs.start(nodes.start("alpha"));
        Job beta = jobs.start(nodes.start("beta"));

        assertEquals(Optional.of(beta), jobs.find(null));
        assertEquals(Optional.of(alpha), jobs.find(1));
        assertEquals(Optional.empty(), jobs.find(7));
        assertEquals(Optional.empty(), jobs.find(-1)); // what SwitchCommand makes of "c two"
    }

    @Test
    void killingTheCurrentJobMakesTheNewestRemainingCurrent() throws Exception {
        Job alpha = jobs.start(nodes.start("alpha"));
        Job beta = jobs.start(nodes.start("beta"));
        Job gamma = jobs.start(nodes.start("gamma"));

        jobs.kill(gamma);
        assertEquals(Optional.of(beta), jobs.current());
        jobs.makeCurrent(alpha);
        jobs.kill(beta);
        assertEquals(Optional.of(alpha), jobs.current(), "killing another job keeps the current one");
        jobs.kill(alpha);
        assertEquals(Optional.empty(), jobs.current());
        assertEquals(List.of(), jobs.listing());
    }

    @Test
    void jobNumbersAreNeverReusedAsErlangNumbersThem() throws Exception {
        jobs.start(nodes.start("alpha"));
        jobs.kill(jobs.start(nodes.start("beta")));

        Job gamma = jobs.start(nodes.start("gamma"));

        assertEquals(3, gamma.id());
        assertEquals(List.of("   1  " + jobs.find(1).orElseThrow().node(), "   3* " + gamma.node()), jobs.listing());
    }

    @Test
    void listingSaysWhichJobRunsACallAndWhoseNodeIsGone() throws Exception {
        FakeNode slow = nodes.start("slow", Set.of("memory"));
        FakeNode dying = nodes.start("dying", Set.of());
        Job running = jobs.start(slow.address());
        Job gone = jobs.start(dying.address());

        running.submit("memory(heap).", () -> 80, () -> 24);
        Eventually.until(() -> slow.calls().contains("memory"), "the slow node to take the call");
        dying.dropConnections();
        gone.submit("memory(heap).", () -> 80, () -> 24);
        Eventually.until(gone::gone, "the job to see its node went away");

        List<String> listing = jobs.listing();
        assertEquals("   1  " + running.node() + " (running)", listing.get(0));
        assertEquals("   2* " + gone.node() + " (node gone)", listing.get(1));
        assertTrue(running.busy());
    }
}
