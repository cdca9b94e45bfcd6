package dev.diag.agent.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.agent.functions.CallContext;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.message.ChunkWriter;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.RecordJson;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;
import io.netty.channel.ChannelProgressivePromise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One call in flight. The first of succeed, fail or cancel answers it; later ones do nothing,
 * so a call that finishes as its cancel arrives still gets exactly one answer. A call that has
 * emitted rows is a stream, and its answer is an {@link Message.End}.
 *
 * A stream whose reader stops taking its rows (a pipe into {@code sleep}, a terminal stopped with
 * ^S) for {@link #STALL_MILLIS} is stopped by the node, so a reader that went away in all but
 * name cannot hold one of the few call threads for ever.
 */
final class RunningCall implements CallContext {
    /** How long a stream may make no progress into its connection before the node stops it. */
    static final long STALL_MILLIS = 30_000;
    /** A stream's first chunk buffer: i()'s chunks of 500 rows take 70-90 KB, so it grows once at most. */
    private static final int FIRST_CHUNK_BYTES = 64 * 1024;

    private final ChannelHandlerContext ctx;
    private final long id;
    private final Runnable onDone;
    private final String cancelNote;
    private volatile boolean answered;
    private volatile boolean cancelled;
    private boolean streamed; // guarded by this
    private final long stallMillis;
    private volatile Future<?> future;
    private volatile Runnable afterAnswer;
    private volatile ChannelFuture answerWritten;
    private final String caller;
    private ByteBuf spare; // the call thread's alone: the last chunk's buffer, sent, for the next one

    RunningCall(ChannelHandlerContext ctx, long id, Runnable onDone) {
        this(ctx, id, onDone, null);
    }

    /** {@code cancelNote}: what a caller who cancels must know (see DiagFunction.onCancel), or null. */
    RunningCall(ChannelHandlerContext ctx, long id, Runnable onDone, String cancelNote) {
        this(ctx, id, onDone, cancelNote, STALL_MILLIS);
    }

    /** {@code caller}: who the call is for, as a busy node names callers ({@code alice@localhost}). */
    RunningCall(ChannelHandlerContext ctx, long id, Runnable onDone, String cancelNote, String caller) {
        this(ctx, id, onDone, cancelNote, STALL_MILLIS, caller);
    }

    RunningCall(ChannelHandlerContext ctx, long id, Runnable onDone, String cancelNote, long stallMillis) {
        this(ctx, id, onDone, cancelNote, stallMillis, CallContext.UNKNOWN_CALLER);
    }

    private RunningCall(ChannelHandlerContext ctx, long id, Runnable onDone, String cancelNote, long stallMillis,
            String caller) {
        this.caller = caller;
        this.ctx = ctx;
        this.id = id;
        this.onDone = onDone;
        this.cancelNote = cancelNote;
        this.stallMillis = stallMillis;
    }

    void runsAs(Future<?> task) {
        future = task;
        if (cancelled) {
            task.cancel(true);
        }
    }

    @Override
    public String caller() {
        return caller;
    }

    @Override
    public boolean cancelled() {
        return cancelled || !ctx.channel().isActive();
    }

    @Override
    public void emit(List<?> rows) {
        emit(json -> ChunkWriter.writeRecords(json, rows));
    }

    /**
     * The rows written straight into the chunk's frame ({@link PreparedFrame}): no tree per row, and
     * no copy of the bytes to seal or send them. The frame's buffer comes back once the socket has
     * taken it, and the next chunk is written into it: a long stream reuses one buffer.
     */
    @Override
    public void emit(ChunkWriter.Rows rows) {
        if (answered) {
            return; // cancelled or disconnected: no point converting rows nobody will read
        }
        ByteBuf buffer = spare != null ? spare : PreparedFrame.buffer(ctx.alloc(), FIRST_CHUNK_BYTES);
        spare = null;
        PreparedFrame chunk;
        try {
            chunk = PreparedFrame.write(buffer, out -> ChunkWriter.write(out, id, rows));
        } catch (IOException e) {
            throw new UncheckedIOException("writing rows into a chunk failed", e);
        }
        chunk.retain(); // one reference for the connection, which lets go once it has sent it; one to reuse it
        ChannelProgressivePromise written = ctx.newProgressivePromise();
        AtomicLong progressAt = new AtomicLong(System.nanoTime());
        // the transport reports each part of the chunk the socket takes: a slow link is not a stalled one
        written.addListener(new ProgressListener(progressAt));
        synchronized (this) {
            // checked again under answer()'s lock: a cancel may have ended the stream meanwhile
            if (answered) {
                chunk.release(2);
                return;
            }
            streamed = true;
            ctx.writeAndFlush(chunk, written).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        }
        awaitTaken(written, progressAt);
        if (written.isDone()) {
            spare = chunk.content(); // sent (or failed) and let go of by the connection: ours alone again
        } else {
            chunk.release(); // still on its way: the connection lets go of it when it is done with it
        }
    }

    /**
     * Back-pressure: the next rows are made only once this chunk is in the socket, so a caller who
     * reads slowly (a pager waiting for a key) holds the work, and the rows queued in the target
     * are bounded by the socket buffers, not by the length of the listing. Progress is any byte
     * of this chunk the socket takes, or any earlier write leaving the connection's outbound
     * buffer (a slow link still moves); none for {@link #stallMillis} stops the call.
     */
    private void awaitTaken(ChannelFuture written, AtomicLong progressAt) {
        long pending = pendingBytes();
        try {
            while (!written.await(100) && !cancelled()) {
                // the caller has not read yet; it may cancel or go away meanwhile
                long now = System.nanoTime();
                long left = pendingBytes();
                if (left < pending) {
                    pending = left;
                    progressAt.set(now);
                } else if (now - progressAt.get() >= TimeUnit.MILLISECONDS.toNanos(stallMillis)) {
                    stalled();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // cancelled: the function sees cancelled() and stops
        }
    }

    /** Notes the time of each part of a chunk the socket took. */
    private record ProgressListener(AtomicLong progressAt) implements ChannelProgressiveFutureListener {
        @Override
        public void operationProgressed(ChannelProgressiveFuture future, long progress, long total) {
            progressAt.set(System.nanoTime());
        }

        @Override
        public void operationComplete(ChannelProgressiveFuture future) {
            // awaitTaken sees the write done
        }
    }

    /** Bytes written to the connection and not yet in the socket: only this call writes here. */
    private long pendingBytes() {
        ChannelOutboundBuffer buffer = ctx.channel().unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    /**
     * The reader took nothing for the whole stall time: end the call, so its thread goes back to
     * the pool. The answer waits behind the rows in the connection, for a reader who comes back.
     */
    private void stalled() {
        cancelled = true;
        fail(new CallError(CallError.CANCELLED, "the node stopped this call: nothing read its rows for "
                + TimeUnit.MILLISECONDS.toSeconds(stallMillis) + " s, and a reader that stopped may not hold one of its"
                + " few call threads; call again and read the rows as they come"));
    }

    @Override
    public void afterAnswer(Runnable action) {
        afterAnswer = action;
    }

    /**
     * The call's work is done (its audit line written): the action given to afterAnswer, if any,
     * runs once a successful answer is written. Written or not (the caller may have gone): the
     * call succeeded, and what it asked for happens, even if the caller hung up as soon as it read
     * the answer (bin/diag --cmd does). A stream's spare chunk buffer is let go here, on the call's
     * own thread, the only one that touches it.
     */
    void done() {
        if (spare != null) {
            spare.release();
            spare = null;
        }
        Runnable action = afterAnswer;
        ChannelFuture written = answerWritten;
        if (action != null && written != null) { // set only when the success went out: not after a cancel
            written.addListener(f -> action.run());
        }
    }

    void succeed(Object result) {
        answer(true, RecordJson.tree(result), null);
    }

    void fail(CallError error) {
        answer(false, null, error);
    }

    /** The caller asked to stop: answer "cancelled" now and interrupt the work. */
    void cancel() {
        cancelled = true;
        fail(new CallError(CallError.CANCELLED, "call cancelled by the caller" + (cancelNote == null ? "" : "; " + cancelNote)));
        interrupt();
    }

    /** The connection is gone: nobody to answer, just stop the work. */
    void abandon() {
        cancelled = true;
        answered = true;
        interrupt();
    }

    private void interrupt() {
        Future<?> task = future;
        if (task != null) {
            task.cancel(true);
        }
    }

    /** Under the same lock as emit, so "stream or not" and the answer cannot disagree. */
    private synchronized void answer(boolean ok, JsonNode result, CallError error) {
        if (answered) {
            return;
        }
        answered = true;
        onDone.run();
        // A write that fails (a message that cannot be encoded, a broken connection) must end the
        // session: silently lost, it would leave the caller waiting for an answer that never comes.
        ChannelFuture written = ctx.writeAndFlush(streamed ? new Message.End(id, ok, result, error)
                : new Message.Reply(id, ok, result, error)).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        if (ok) {
            answerWritten = written;
        }
    }
}
