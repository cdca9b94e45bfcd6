package dev.diag.agent.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.frame.SessionMac;
import dev.diag.protocol.message.MalformedMessageException;
import dev.diag.protocol.message.MessageCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stands where the socket would be: takes every outbound message (a {@link ByteBuf} becomes a
 * {@code byte[]}, a {@link PreparedFrame} the message its payload holds, both released here), completes its promise, and hands it to the test after the
 * flush, together with the pipeline's handler names at the moment of writing.
 *
 * <p>Why a recorder rather than {@code readOutbound()}: calls run on {@link CallExecutor}
 * threads, and {@code EmbeddedEventLoop.inEventLoop()} is always true, so their replies go
 * through the pipeline on the call thread itself, not as a task for {@code runPendingTasks()}.
 * A blocking queue, filled after the flush has returned, gives the test thread a safe hand-over
 * and a bounded wait.
 */
final class OutboundRecorder extends ChannelOutboundHandlerAdapter {
    static final long WAIT_SECONDS = 5;

    /** One outbound message and the pipeline it went through. */
    record Written(Object message, List<String> pipeline) {
    }

    private final Queue<Written> unflushed = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<Written> written = new LinkedBlockingQueue<>();

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        Object message = msg;
        if (msg instanceof PreparedFrame frame) {
            message = unsealed(frame);
            frame.release();
        } else if (msg instanceof ByteBuf buf) {
            message = ByteBufUtil.getBytes(buf);
            buf.release();
        }
        unflushed.add(new Written(message, handlerNames(ctx.pipeline())));
        promise.trySuccess();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        ctx.flush();
        for (Written w; (w = unflushed.poll()) != null; ) {
            written.add(w);
        }
    }

    /**
     * The message of a frame not yet sealed (no authenticator stands between here and the call):
     * its payload, decoded as the peer would decode it once opened.
     */
    private static Object unsealed(PreparedFrame frame) {
        ByteBuf buf = frame.content();
        int from = FrameLimits.HEADER_BYTES + SessionMac.SEQ_BYTES;
        byte[] payload = ByteBufUtil.getBytes(buf, from, frame.payloadLength());
        try {
            return MessageCodec.decode(payload);
        } catch (MalformedMessageException e) {
            throw new AssertionError("a prepared frame's payload is no message: " + new String(payload, UTF_8), e);
        }
    }

    /** The names of the pipeline's handlers, without Netty's own tail. */
    static List<String> handlerNames(ChannelPipeline pipeline) {
        return pipeline.names().stream().filter(name -> !name.startsWith("DefaultChannelPipeline$")).toList();
    }

    /** The next outbound message, waiting up to {@link #WAIT_SECONDS}; fails if none comes. */
    Written next() throws InterruptedException {
        Written w = written.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(w, "nothing was written within " + WAIT_SECONDS + " s");
        return w;
    }

    /** The next outbound message, of the given type. */
    <T> T next(Class<T> type) throws InterruptedException {
        Object message = next().message();
        assertEquals(type, message.getClass(), () -> "unexpected outbound " + message);
        return type.cast(message);
    }

    /** Asserts that nothing more is written within {@code millis}. */
    void assertQuietFor(long millis) throws InterruptedException {
        Written w = written.poll(millis, TimeUnit.MILLISECONDS);
        assertNull(w, () -> "unexpected outbound " + w.message());
    }

    /** Asserts that nothing has been written so far (no waiting). */
    void assertNothingWritten() {
        Written w = written.poll();
        assertNull(w, () -> "unexpected outbound " + w.message());
    }
}
