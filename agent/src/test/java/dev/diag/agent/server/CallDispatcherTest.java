package dev.diag.agent.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.agent.functions.FunctionException;
import dev.diag.agent.StopSwitch;
import dev.diag.agent.functions.Functions;
import dev.diag.agent.heart.Heart;
import dev.diag.agent.probe.GcHistory;
import dev.diag.agent.probe.ShutdownWatch;
import dev.diag.protocol.node.NodeRegistry;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.result.MemoryKind;
import io.netty.channel.embedded.EmbeddedChannel;
import dev.diag.protocol.function.Impact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher behind a recorder: Message objects in and out, functions on a real {@link CallExecutor}. */
class CallDispatcherTest {
    private final TestFunctions.Blocking blocking = new TestFunctions.Blocking();
    private final AtomicInteger countCalls = new AtomicInteger();
    private final CountDownLatch stubbornStarted = new CountDownLatch(1);
    private final CountDownLatch stubbornRelease = new CountDownLatch(1);
    private final CallExecutor executor = new CallExecutor();
    private final Functions functions = TestFunctions.allPlus(
            blocking.function,
            TestFunctions.function("count", 0, 0, (args, context) -> countCalls.incrementAndGet()),
            TestFunctions.function("one", 1, 1, (args, context) -> "ok"),
            TestFunctions.function("two", 2, 2, (args, context) -> "ok"),
            TestFunctions.function("overflow", 0, 0, (args, context) -> {
                throw new StackOverflowError("deep");
            }),
            TestFunctions.function("out_of_memory", 0, 0, (args, context) -> {
                throw new OutOfMemoryError("Java heap space");
            }),
            TestFunctions.function("disk_gone", 0, 0, (args, context) -> {
                throw FunctionException.failed("the disk is gone");
            }),
            TestFunctions.function("stubborn", 0, 0, (args, context) -> {
                // ignores interrupts, as a heap dump in the JVM does
                stubbornStarted.countDown();
                boolean released = false;
                while (!released) {
                    try {
                        released = stubbornRelease.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        // not stopping
                    }
                }
                return "done";
            }),
            TestFunctions.function("unserialisable", 0, 0, (args, context) -> new Unserialisable()),
            TestFunctions.function("dump_like", 1, 1, Impact.high("test: as costly as a heap dump"),
                    (args, context) -> "dumped"));
    private final OutboundRecorder wire = new OutboundRecorder();
    private final TempAuditLog audit = new TempAuditLog();
    private final EmbeddedChannel channel = connection(wire, new Caller("alice", "localhost"));

    private EmbeddedChannel connection(OutboundRecorder recorder, Caller caller) {
        return new EmbeddedChannel(recorder, new CallDispatcher(functions, executor, caller, audit.log()));
    }

    @AfterEach
    void stop() {
        blocking.release();
        stubbornRelease.countDown();
        executor.shutdown();
        audit.close();
    }

    @Test
    void aHighImpactCallLeavesOneAuditLineAndALowImpactCallNone() throws Exception {
        channel.writeInbound(request(1, "one", TextNode.valueOf("x")));
        assertTrue(wire.next(Message.Reply.class).ok());
        channel.writeInbound(request(2, "dump_like", TextNode.valueOf("/tmp/a \"b\".hprof")));
        assertTrue(wire.next(Message.Reply.class).ok());

        List<String> lines = awaitAuditLines();
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z alice@localhost orders ok \\d+ms "
                + "dump_like\\(\"/tmp/a \\\\\"b\\\\\"\\.hprof\"\\)"), lines.get(0));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(audit.file())));
        assertFalse(channel.finish());
    }

    @Test
    void answersAnUnknownFunctionWithUnknownFunction() throws Exception {
        channel.writeInbound(request(1, "no_such_fn", TextNode.valueOf("x")));
        CallError error = failure(1);
        assertEquals(CallError.UNKNOWN_FUNCTION, error.code());
        assertTrue(error.message().contains("no_such_fn/1"), error.message());
        assertFalse(channel.finish());
    }

    @Test
    void answersWrongArityWithBadArgumentNamingTheArity() throws Exception {
        channel.writeInbound(request(1, "memory", TextNode.valueOf("heap"), TextNode.valueOf("total")));
        CallError range = failure(1);
        assertEquals(CallError.BAD_ARGUMENT, range.code());
        assertEquals("memory takes 0 to 1 arguments, not 2", range.message());

        channel.writeInbound(request(2, "one"));
        assertEquals("one takes 1 argument, not 0", failure(2).message());

        channel.writeInbound(request(3, "two", IntNode.valueOf(1)));
        assertEquals("two takes 2 arguments, not 1", failure(3).message());
        assertFalse(channel.finish());
    }

    @Test
    void answersMemoryOfAnUnknownKindWithBadArgumentListingTheKinds() throws Exception {
        channel.writeInbound(request(1, "memory", TextNode.valueOf("nonsense")));
        CallError error = failure(1);
        assertEquals(CallError.BAD_ARGUMENT, error.code());
        assertTrue(error.message().contains("nonsense"), error.message());
        for (MemoryKind kind : MemoryKind.values()) {
            assertTrue(error.message().contains(kind.atom()), kind + " missing from: " + error.message());
        }
        assertFalse(channel.finish());
    }

    @Test
    void answersMemoryWithAReport() throws Exception {
        channel.writeInbound(request(7, "memory"));
        Message.Reply reply = wire.next(Message.Reply.class);
        assertEquals(7, reply.id());
        assertTrue(reply.ok(), () -> "error " + reply.error());
        assertTrue(reply.result().path("heap").path("used").asLong() > 0);
        assertFalse(channel.finish());
    }

    @Test
    void answersACancelledRunningCallWithCancelledExactlyOnce() throws Exception {
        channel.writeInbound(request(1, "block"));
        blocking.awaitStarted(1);

        channel.writeInbound(new Message.Cancel(1));

        assertEquals(CallError.CANCELLED, failure(1).code());
        blocking.awaitFinished(1);
        assertTrue(blocking.interrupted.get(), "cancel did not interrupt the function");
        wire.assertQuietFor(200); // the function's own late return is not answered
        assertFalse(channel.finish());
    }

    @Test
    void answersASecondCancelOfTheSameCallWithNothing() throws Exception {
        channel.writeInbound(request(1, "block"));
        blocking.awaitStarted(1);
        channel.writeInbound(new Message.Cancel(1));
        failure(1);
        channel.writeInbound(new Message.Cancel(1));
        wire.assertQuietFor(100);
        assertFalse(channel.finish());
    }

    @Test
    void refusesASecondCallOnTheSameConnectionWhileTheFirstRuns() throws Exception {
        channel.writeInbound(request(1, "block"));
        blocking.awaitStarted(1);

        channel.writeInbound(request(2, "count"));
        CallError busy = failure(2);
        assertEquals(CallError.BUSY, busy.code());
        assertTrue(busy.message().startsWith("this connection already has a call on the node: block() running for"),
                busy.message());
        assertEquals(0, countCalls.get());

        blocking.release();
        assertTrue(wire.next(Message.Reply.class).ok());
        assertFalse(channel.finish());
    }

    @Test
    void keepsTheConnectionBusyUntilACancelledCallHasLeftItsThread() throws Exception {
        channel.writeInbound(request(1, "stubborn"));
        assertTrue(stubbornStarted.await(OutboundRecorder.WAIT_SECONDS, TimeUnit.SECONDS));
        channel.writeInbound(new Message.Cancel(1));
        assertEquals(CallError.CANCELLED, failure(1).code());

        channel.writeInbound(request(2, "count"));
        assertEquals(CallError.BUSY, failure(2).code()); // answered, but its thread is still taken

        stubbornRelease.countDown();
        awaitAnswered(channel, wire, 3, "count");
        assertEquals(1, countCalls.get());
        assertFalse(channel.finish());
    }

    @Test
    void ignoresACancelForACallThatIsNotRunning() throws Exception {
        channel.writeInbound(new Message.Cancel(42));
        wire.assertQuietFor(100);
        channel.writeInbound(request(1, "count"));
        channel.writeInbound(new Message.Cancel(1)); // may arrive after it finished: at most one answer
        wire.next(Message.Reply.class);
        wire.assertQuietFor(200);
        assertFalse(channel.finish());
    }

    @Test
    void answersAStackOverflowErrorWithOneFailedReply() throws Exception {
        channel.writeInbound(request(1, "overflow"));
        CallError error = failure(1);
        assertEquals(CallError.FAILED, error.code());
        assertEquals("failed inside the node: out of stack: deep", error.message()); // words, not a class name
        wire.assertQuietFor(200);
        assertFalse(channel.finish());
    }

    @Test
    void answersAnOutOfMemoryErrorAndKeepsServing() throws Exception {
        channel.writeInbound(request(1, "out_of_memory"));
        assertEquals(CallError.FAILED, failure(1).code());
        for (int id = 2; id <= 4; id++) {
            channel.writeInbound(request(id, "count"));
            assertTrue(wire.next(Message.Reply.class).ok());
        }
        assertFalse(channel.finish());
    }

    @Test
    void aFunctionThatCannotBeMadeAnswersItsCallerAndTheConnectionServesOn(@TempDir Path registry) throws Exception {
        // no JDK internals at all: the code functions' shared loader cannot be made, so l/1 fails
        // as it is made on its first call, on the event loop
        Functions broken = Functions.all(null, new NodeRegistry(registry), Heart.off(),
                ShutdownWatch.open(), GcHistory.none(), new StopSwitch());
        OutboundRecorder recorder = new OutboundRecorder();
        EmbeddedChannel connection = new EmbeddedChannel(recorder,
                new CallDispatcher(broken, executor, new Caller("alice", "localhost"), audit.log()));
        connection.writeInbound(request(1, "l", TextNode.valueOf("Foo")));
        Message.Reply reply = recorder.next(Message.Reply.class);
        assertEquals(1, reply.id());
        assertEquals(CallError.FAILED, reply.error().code());
        assertEquals("failed inside the node: l could not be made ready: an internal error of diag (a missing value)",
                reply.error().message());
        connection.checkException(); // nothing reached the pipeline's end, so nothing closed the connection
        assertTrue(connection.isOpen());
        connection.writeInbound(request(2, "functions"));
        assertTrue(recorder.next(Message.Reply.class).ok());
        assertFalse(connection.finish());
    }

    @Test
    void passesAFunctionsOwnFailureThrough() throws Exception {
        channel.writeInbound(request(1, "disk_gone"));
        CallError error = failure(1);
        assertEquals(CallError.FAILED, error.code());
        assertEquals("the disk is gone", error.message());
        assertFalse(channel.finish());
    }

    @Test
    void answersAResultThatCannotBeSerialisedWithOneFailedReply() throws Exception {
        channel.writeInbound(request(1, "unserialisable"));
        assertEquals(CallError.FAILED, failure(1).code());
        wire.assertQuietFor(200);
        assertFalse(channel.finish());
    }

    @Test
    void answersAtOnceWhoHoldsEveryCallThread() throws Exception {
        OutboundRecorder bobsWire = new OutboundRecorder();
        EmbeddedChannel bob = connection(bobsWire, new Caller("bob", "10.0.0.5"));
        OutboundRecorder carolsWire = new OutboundRecorder();
        EmbeddedChannel carol = connection(carolsWire, new Caller("carol", "localhost"));
        channel.writeInbound(request(1, "block"));
        bob.writeInbound(request(1, "memory", TextNode.valueOf("heap")));
        assertTrue(bobsWire.next(Message.Reply.class).ok());
        bob.writeInbound(request(2, "block")); // the connection is free again once the answer came
        blocking.awaitStarted(CallExecutor.THREADS);

        long asked = System.nanoTime();
        carol.writeInbound(request(7, "count"));
        Message.Reply refused = carolsWire.next(Message.Reply.class);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);

        assertEquals(CallError.BUSY, refused.error().code());
        assertEquals(7, refused.id());
        String sentence = refused.error().message();
        assertTrue(sentence.matches("the node is busy: block\\(\\) running for \\d+ s for alice@localhost, and "
                + "block\\(\\) running for \\d+ s for bob@10\\.0\\.0\\.5; try again shortly"), sentence);
        assertTrue(waitedMillis < 1_000, "waited " + waitedMillis + " ms for the busy answer");
        assertEquals(0, countCalls.get());

        blocking.release();
        wire.next(Message.Reply.class);
        bobsWire.next(Message.Reply.class);
        awaitAnswered(carol, carolsWire, 8, "count"); // the threads came back
        assertFalse(bob.finish());
        assertFalse(carol.finish());
        assertFalse(channel.finish());
    }

    @Test
    void refusesARequestIdAlreadyInFlightAndKeepsTheFirstCall() throws Exception {
        channel.writeInbound(request(1, "block"));
        blocking.awaitStarted(1);

        channel.writeInbound(request(1, "count"));
        CallError error = failure(0); // under id 0: id 1 still belongs to the call in progress
        assertEquals(CallError.MALFORMED, error.code());
        assertTrue(error.message().contains("request id 1"), error.message());
        assertEquals(0, countCalls.get());

        channel.writeInbound(new Message.Cancel(1)); // still reaches the first call
        assertEquals(CallError.CANCELLED, failure(1).code());
        blocking.awaitFinished(1);
        assertTrue(blocking.interrupted.get());
        assertFalse(channel.finish());
    }

    @Test
    void acceptsAnIdAgainOnceItsCallWasAnswered() throws Exception {
        channel.writeInbound(request(1, "count"));
        assertTrue(wire.next(Message.Reply.class).ok());
        channel.writeInbound(request(1, "count"));
        Message.Reply again = wire.next(Message.Reply.class);
        assertTrue(again.ok(), () -> "error " + again.error());
        assertEquals(2, countCalls.get());
        assertFalse(channel.finish());
    }

    @Test
    void abandonsRunningCallsWithoutAnswerWhenTheConnectionCloses() throws Exception {
        channel.writeInbound(request(1, "block"));
        blocking.awaitStarted(1);

        channel.close();

        blocking.awaitFinished(1);
        assertTrue(blocking.interrupted.get(), "the call outlived its connection");
        wire.assertQuietFor(200);
        assertFalse(channel.finish());
    }

    @Test
    void answersAMessageThatIsNeitherRequestNorCancelWithMalformed() throws Exception {
        channel.writeInbound(Message.Reply.success(5, "from a confused client"));
        Message.Reply reply = wire.next(Message.Reply.class);
        assertEquals(0, reply.id());
        assertEquals(CallError.MALFORMED, reply.error().code());
        assertFalse(channel.finish());
    }

    /** Calls {@code fn} as request {@code id} until it is not refused as busy; fails after the recorder's wait. */
    private static void awaitAnswered(EmbeddedChannel connection, OutboundRecorder recorder, long id, String fn)
            throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(OutboundRecorder.WAIT_SECONDS);
        for (long attempt = id; ; attempt += 1_000) {
            connection.writeInbound(request(attempt, fn));
            Message.Reply reply = recorder.next(Message.Reply.class);
            if (reply.ok()) {
                return;
            }
            assertEquals(CallError.BUSY, reply.error().code(), reply::toString);
            assertTrue(System.nanoTime() < end, "still busy after " + OutboundRecorder.WAIT_SECONDS + " s");
            Thread.sleep(10);
        }
    }

    /** The audit line is written just after the answer: wait for it, at most 5 s. */
    private List<String> awaitAuditLines() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (audit.lines().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return audit.lines();
    }

    private static Message.Request request(long id, String fn, JsonNode... args) {
        return new Message.Request(id, fn, List.of(args));
    }

    private CallError failure(long id) throws InterruptedException {
        Message.Reply reply = wire.next(Message.Reply.class);
        assertEquals(id, reply.id(), () -> "reply " + reply);
        assertFalse(reply.ok(), () -> "expected an error, got " + reply.result());
        return reply.error();
    }

    /** Jackson cannot turn this into JSON: its only property throws. */
    static final class Unserialisable {
        public String getValue() {
            throw new IllegalStateException("no value");
        }
    }
}
