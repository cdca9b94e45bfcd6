package dev.diag.agent.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.Await;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.message.Message;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelProgressivePromise;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class RunningCallTest {
    private final OutboundRecorder wire = new OutboundRecorder();
    private final EmbeddedChannel channel = new EmbeddedChannel(wire, new ChannelInboundHandlerAdapter());
    /** The context a dispatcher would hand over: writes from it pass the recorder. */
    private final ChannelHandlerContext ctx = channel.pipeline().lastContext();
    private final AtomicInteger done = new AtomicInteger();
    private final RunningCall call = new RunningCall(ctx, 7, done::incrementAndGet);

    @Test
    void answersASuccessWithAReply() throws Exception {
        call.succeed(Map.of("bytes", 42));
        Message.Reply reply = wire.next(Message.Reply.class);
        assertEquals(7, reply.id());
        assertTrue(reply.ok());
        assertEquals(42, reply.result().path("bytes").asInt());
        assertEquals(1, done.get());
        assertFalse(channel.finish());
    }

    @Test
    void answersOnlyTheFirstOfSucceedFailAndCancel() throws Exception {
        call.succeed("first");
        call.fail(new CallError(CallError.FAILED, "second"));
        call.cancel();
        call.succeed("fourth");

        assertEquals("first", wire.next(Message.Reply.class).result().asText());
        wire.assertNothingWritten();
        assertEquals(1, done.get(), "onDone ran more than once");
        assertFalse(channel.finish());
    }

    @Test
    void runsTheAfterAnswerActionOnlyOnceTheSuccessIsWrittenAndTheCallIsDone() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        call.afterAnswer(ran::incrementAndGet);
        call.succeed("stopping");
        assertEquals(0, ran.get(), "ran before the call's work (its audit line) was done");

        call.done();

        assertTrue(wire.next(Message.Reply.class).ok());
        assertEquals(1, ran.get());
        assertFalse(channel.finish());
    }

    @Test
    void runsNoAfterAnswerActionForACallThatWasCancelledOrFailed() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        RunningCall failing = new RunningCall(ctx, 8, done::incrementAndGet);
        call.afterAnswer(ran::incrementAndGet);
        failing.afterAnswer(ran::incrementAndGet);

        call.cancel();
        call.succeed("too late");
        call.done();
        failing.fail(new CallError(CallError.FAILED, "no"));
        failing.done();

        assertEquals(0, ran.get());
        assertFalse(channel.finish());
    }

    @Test
    void tellsACallerWhoCancelsWhatTheFunctionCannotStop() throws Exception {
        RunningCall dump = new RunningCall(ctx, 8, done::incrementAndGet, "the dump goes on");
        dump.cancel();

        Message.Reply reply = wire.next(Message.Reply.class);
        assertEquals(CallError.CANCELLED, reply.error().code());
        assertEquals("call cancelled by the caller; the dump goes on", reply.error().message());
        assertFalse(channel.finish());
    }

    @Test
    void answersCancelWithCancelledAndIgnoresTheLateResult() throws Exception {
        call.cancel();
        call.succeed("too late");

        Message.Reply reply = wire.next(Message.Reply.class);
        assertFalse(reply.ok());
        assertEquals(CallError.CANCELLED, reply.error().code());
        wire.assertNothingWritten();
        assertTrue(call.cancelled());
        assertFalse(channel.finish());
    }

    @Test
    void interruptsTheTaskItRunsAs() {
        FutureTask<Void> task = new FutureTask<>(() -> null);
        call.runsAs(task);
        call.cancel();
        assertTrue(task.isCancelled());
        assertFalse(channel.finish());
    }

    @Test
    void cancelsATaskThatIsAttachedAfterTheCancel() {
        call.abandon();
        FutureTask<Void> task = new FutureTask<>(() -> null);
        call.runsAs(task);
        assertTrue(task.isCancelled());
        assertFalse(channel.finish());
    }

    @Test
    void answersNothingOnceAbandoned() throws Exception {
        call.abandon();
        call.succeed("nobody listens");
        call.fail(new CallError(CallError.FAILED, "nobody listens"));
        assertTrue(call.cancelled());
        wire.assertQuietFor(50);
        assertFalse(channel.finish());
    }

    @Test
    void saysCancelledOnceTheConnectionIsGone() {
        assertFalse(call.cancelled());
        channel.close();
        assertTrue(call.cancelled());
        assertFalse(channel.finish());
    }

    @Test
    void endsAStreamWithAnEndCarryingTheResult() throws Exception {
        call.emit(List.of(Map.of("tid", 1), Map.of("tid", 2)));
        call.succeed(Map.of("rows", 2));

        Message.Chunk chunk = wire.next(Message.Chunk.class);
        assertEquals(7, chunk.id());
        assertEquals(2, chunk.chunk().size());
        Message.End end = wire.next(Message.End.class);
        assertEquals(7, end.id());
        assertTrue(end.ok());
        assertEquals(2, end.result().path("rows").asInt());
        wire.assertNothingWritten();
        assertFalse(channel.finish());
    }

    @Test
    void endsACancelledStreamWithAFailedEnd() throws Exception {
        call.emit(List.of("row"));
        call.cancel();
        wire.next(Message.Chunk.class);
        Message.End end = wire.next(Message.End.class);
        assertFalse(end.ok());
        assertEquals(CallError.CANCELLED, end.error().code());
        assertFalse(channel.finish());
    }

    @Test
    void stopsAStreamWhoseReaderTakesNothingForTheStallTimeAndSaysWhy() throws Exception {
        // a reader that stopped: the chunk never leaves, its write never completes
        try (Reader reader = new Reader((msg, promise) -> { })) {
            AtomicInteger answered = new AtomicInteger();
            RunningCall backtraces = new RunningCall(reader.context(), 9, answered::incrementAndGet, null, 1_000);

            long start = System.nanoTime();
            backtraces.emit(List.of("row"));
            long heldMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertTrue(heldMillis >= 1_000 && heldMillis < 3_000, "emit held the thread " + heldMillis + " ms");
            assertTrue(backtraces.cancelled(), "the function is not told to stop");
            Message.End end = reader.answers.next(Message.End.class);
            assertEquals(CallError.CANCELLED, end.error().code());
            assertTrue(end.error().message().startsWith("the node stopped this call: nothing read its rows for 1 s"),
                    end.error().message());
            backtraces.emit(List.of("another row")); // the function's next batch: returns at once
            backtraces.succeed("late");
            reader.answers.assertNothingWritten();
            assertEquals(1, answered.get());
        }
    }

    @Test
    void letsASlowReaderThatStillTakesBytesReadOnPastTheStallTime() throws Exception {
        ScheduledExecutorService link = Executors.newSingleThreadScheduledExecutor();
        // a slow link: the socket takes a part of the chunk every 300 ms, the whole of it after 2.5 s
        try (Reader reader = new Reader((msg, promise) -> {
            ChannelProgressivePromise progressive = (ChannelProgressivePromise) promise;
            for (int part = 1; part <= 8; part++) {
                long taken = part * 100L;
                link.schedule(() -> progressive.tryProgress(taken, 900), part * 300L, TimeUnit.MILLISECONDS);
            }
            link.schedule(() -> progressive.trySuccess(), 2_500, TimeUnit.MILLISECONDS);
        })) {
            RunningCall backtraces = new RunningCall(reader.context(), 9, () -> { }, null, 1_000);

            backtraces.emit(List.of("row"));

            assertFalse(backtraces.cancelled(), "a slow reader was taken for a stalled one");
            backtraces.succeed("all rows sent");
            assertTrue(reader.answers.next(Message.End.class).ok());
        } finally {
            link.shutdownNow();
        }
    }

    /**
     * A connection on a real event loop (the call thread must wait for its write, which
     * EmbeddedChannel cannot let it do) whose chunks go to {@code chunks} instead of a socket;
     * every other message is recorded in {@link #answers}.
     */
    private static final class Reader implements AutoCloseable {
        final OutboundRecorder answers = new OutboundRecorder();
        private final CompletableFuture<ChannelHandlerContext> served = new CompletableFuture<>();
        private final EventLoopGroup loop = new DefaultEventLoopGroup(1);
        private final Channel server;
        private final Channel client;

        Reader(BiConsumer<Object, ChannelPromise> chunks) throws InterruptedException {
            LocalAddress address = new LocalAddress("reader-" + System.nanoTime());
            server = new ServerBootstrap().group(loop).channel(LocalServerChannel.class)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel child) {
                            child.pipeline().addLast(answers, new ChannelOutboundHandlerAdapter() {
                                @Override
                                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                                    if (msg instanceof PreparedFrame) { // a chunk: rows go out as prepared frames
                                        chunks.accept(msg, promise);
                                    } else {
                                        ctx.write(msg, promise);
                                    }
                                }
                            }, new ChannelInboundHandlerAdapter() {
                                @Override
                                public void handlerAdded(ChannelHandlerContext ctx) {
                                    served.complete(ctx);
                                }
                            });
                        }
                    }).bind(address).sync().channel();
            client = new Bootstrap().group(loop).channel(LocalChannel.class)
                    .handler(new ChannelInboundHandlerAdapter()).connect(address).sync().channel();
        }

        ChannelHandlerContext context() throws Exception {
            return served.get(5, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            client.close().sync();
            server.close().sync();
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void answersExactlyOnceWhenResultAndCancelRace() throws Exception {
        for (int round = 0; round < 200; round++) {
            AtomicInteger rounds = new AtomicInteger();
            RunningCall racing = new RunningCall(ctx, round, rounds::incrementAndGet);
            CyclicBarrier start = new CyclicBarrier(2);
            Thread finisher = new Thread(() -> {
                await(start);
                racing.succeed("done");
            }, "finisher");
            finisher.start();
            await(start);
            racing.cancel();
            Await.ended(finisher);

            Message.Reply reply = wire.next(Message.Reply.class);
            assertEquals(round, reply.id());
            wire.assertNothingWritten();
            assertEquals(1, rounds.get(), "round " + round);
        }
        assertFalse(channel.finish());
    }

    /** Regression (fixed in b6a1702): emit did not look at whether the call was answered. */
    @Test
    void sendsNoChunkAfterTheCallWasAnswered() throws Exception {
        call.cancel();
        assertEquals(CallError.CANCELLED, wire.next(Message.Reply.class).error().code());

        call.emit(List.of("row produced just as the cancel arrived"));

        wire.assertNothingWritten();
        assertFalse(channel.finish());
    }

    @Test
    void sendsNoChunkAfterACancelThatArrivesWhileTheRowsAreSerialised() throws Exception {
        call.emit(List.of("first row")); // a stream now: the cancel's answer is an End
        wire.next(Message.Chunk.class);
        CountDownLatch serialising = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        List<String> row = slowRow(serialising, cancelled);
        Thread emitter = new Thread(() -> call.emit(List.of(row)), "emitter");
        emitter.start();
        assertTrue(serialising.await(OutboundRecorder.WAIT_SECONDS, TimeUnit.SECONDS));

        call.cancel(); // from the I/O thread, while the call thread is inside emit
        cancelled.countDown();
        Await.ended(emitter);

        Message.End end = wire.next(Message.End.class);
        assertEquals(CallError.CANCELLED, end.error().code());
        wire.assertNothingWritten();
        assertFalse(channel.finish());
    }

    /** A row (a list of one string) whose serialisation waits until the test has cancelled the call. */
    private static List<String> slowRow(CountDownLatch serialising, CountDownLatch cancelled) {
        return new AbstractList<>() {
            @Override
            public String get(int index) {
                serialising.countDown();
                try {
                    cancelled.await(OutboundRecorder.WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "slow";
            }

            @Override
            public int size() {
                return 1;
            }
        };
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(OutboundRecorder.WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the other side of the race did not reach the start within "
                    + OutboundRecorder.WAIT_SECONDS + " s", e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
