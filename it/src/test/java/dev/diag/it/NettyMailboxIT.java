package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real Netty's event loop blocked by a task, 5,000 more waiting: the loop's pending tasks are
 * its thread's mailbox, named after the thread, kind netty, in regs() and i()'s MSGS column; the
 * agent's own relocated Netty loop "diag-io" is never taken for the app's. Netty 4.1 with the agent
 * at start-up on the default JDK and injected later on a JDK 21+; Netty 4.2 at start-up.
 */
class NettyMailboxIT {
    private static final String MAIN = "dev.diag.it.fixture.NettyBacklogTarget";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.diag.it.FrameworkTargets#ways")
    void aBusyEventLoopsPendingTasksAreItsThreadsMailbox(String how, boolean injectIntoModern) throws Exception {
        Path java = FrameworkTargets.java(injectIntoModern);
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = FrameworkTargets.start(java, home, "edge",
                injectIntoModern, MAIN, "netty target ready")) {
            theBusyLoopIsAMailboxAndDiagIoIsNot(new NodeCalls(home, "edge"));
        }
    }

    @Test
    void theSameOnNetty42() throws Exception {
        String classPath;
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("user.dir"), "target", "netty-4.2"))) {
            classPath = Stream.concat(Stream.of(Repo.TEST_CLASSES), jars.sorted()).map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator));
        }
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = FrameworkTargets.start(Jdks.current(), home, "edge",
                false, classPath, MAIN, "netty target ready")) {
            assertTrue(target.output().contains("netty 4.2.18.Final"), target.output());
            theBusyLoopIsAMailboxAndDiagIoIsNot(new NodeCalls(home, "edge"));
        }
    }

    private static void theBusyLoopIsAMailboxAndDiagIoIsNot(NodeCalls node) throws Exception {
        JsonNode loop = NodeCalls.await("the busy event loop's tasks", () -> node.mailboxes().stream()
                .filter(m -> m.get("kind").asText().equals("netty") && m.get("size").asInt() >= 4_990)
                .findFirst().orElse(null), m -> m != null);
        String name = loop.get("name").asText();
        assertTrue(name.startsWith("nioEventLoopGroup-"), loop.toString());
        assertTrue(loop.get("owners").toString().contains(name), "named after its thread: " + loop);
        assertEquals(name, node.mailboxes().get(0).get("name").asText(), "the largest mailbox first");

        List<JsonNode> boxes = node.mailboxes();
        long loops = boxes.stream().filter(m -> m.get("kind").asText().equals("netty")).count();
        assertEquals(2, loops, "the two loops of the app's group, not the agent's: " + boxes);
        assertFalse(boxes.toString().contains("diag-io"), "the agent's own loop is not a mailbox: " + boxes);

        List<JsonNode> rows = node.processes();
        JsonNode thread = rows.stream().filter(r -> r.get("name").asText().equals(name)).findFirst().orElseThrow();
        assertTrue(thread.get("msgs").asInt() >= 4_990, thread.toString());
        rows.stream().filter(r -> r.get("name").asText().equals("diag-io")).forEach(r ->
                assertTrue(r.path("msgs").isNull() || r.path("msgs").isMissingNode(), "diag-io drains no app mailbox: " + r));
    }
}
