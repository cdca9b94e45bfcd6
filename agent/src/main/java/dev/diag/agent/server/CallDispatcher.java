package dev.diag.agent.server;

import dev.diag.agent.functions.Args;
import dev.diag.agent.functions.DiagFunction;
import dev.diag.agent.functions.FunctionException;
import dev.diag.agent.functions.Functions;
import dev.diag.agent.probe.Reasons;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.message.Message;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs each request's function on the {@link CallExecutor} and answers it: exactly one reply
 * (or stream end) per request, whether the call returned, failed, was cancelled or the
 * connection closed. Nothing a function throws, not even an Error, escapes into the target.
 * A connection runs one call at a time: a second one while the first still holds its thread is
 * refused as busy, so one caller cannot take every call thread.
 * Every call that runs passes {@link #run}, where calls of HIGH-impact functions leave their line
 * in the {@link AuditLog}.
 */
final class CallDispatcher extends SimpleChannelInboundHandler<Message> {
    private final Functions functions;
    private final CallExecutor executor;
    private final Caller caller;
    private final AuditLog audit;
    private final Map<Long, RunningCall> running = new ConcurrentHashMap<>();
    private final AtomicReference<CallSlot> onThread = new AtomicReference<>(); // this connection's call, until its thread is free

    CallDispatcher(Functions functions, CallExecutor executor, Caller caller, AuditLog audit) {
        super(Message.class);
        this.functions = functions;
        this.executor = executor;
        this.caller = caller;
        this.audit = audit;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message message) {
        if (message instanceof Message.Request request) {
            start(ctx, request);
        } else if (message instanceof Message.Cancel cancel) {
            RunningCall call = running.remove(cancel.cancel());
            if (call != null) {
                call.cancel();
            }
        } else {
            ctx.writeAndFlush(Message.Reply.failure(0, new CallError(CallError.MALFORMED,
                    "the agent accepts only requests and cancels")));
        }
    }

    private void start(ChannelHandlerContext ctx, Message.Request request) {
        DiagFunction function;
        try {
            function = functions.find(request.fn()); // made here on its first call: loads its classes
        } catch (Throwable t) {
            // out of memory or metaspace, a class that will not link: answer this call, keep the
            // connection (an exception from here would close it unanswered); the next call tries anew
            ctx.writeAndFlush(Message.Reply.failure(request.id(), new CallError(CallError.FAILED,
                    "failed inside the node: " + request.fn() + " could not be made ready: " + Reasons.of(t))));
            return;
        }
        int arity = request.args().size();
        if (function == null) {
            ctx.writeAndFlush(Message.Reply.failure(request.id(), new CallError(CallError.UNKNOWN_FUNCTION,
                    "this node has no function " + request.fn() + "/" + arity)));
            return;
        }
        if (arity < function.minArity() || arity > function.maxArity()) {
            ctx.writeAndFlush(Message.Reply.failure(request.id(), new CallError(CallError.BAD_ARGUMENT,
                    function.name() + " takes " + arityText(function) + ", not " + arity)));
            return;
        }
        if (running.containsKey(request.id())) {
            // under id 0: the id in use still belongs to the call in progress, whose answer follows
            ctx.writeAndFlush(Message.Reply.failure(0, new CallError(CallError.MALFORMED,
                    "request id " + request.id() + " is already in use by a call in progress")));
            return;
        }
        CallSlot slot = CallSlot.of(function.name(), request.args(), caller);
        CallSlot earlier = onThread.get(); // only this event loop sets it, so nothing can take it between
        if (earlier != null) {
            ctx.writeAndFlush(Message.Reply.failure(request.id(), new CallError(CallError.BUSY, "this connection"
                    + " already has a call on the node: " + earlier.describe(System.nanoTime())
                    + "; wait for its answer (or cancel it and let it stop), then call again")));
            return;
        }
        Answered answered = new Answered(function, request, slot);
        RunningCall call = new RunningCall(ctx, request.id(), answered, function.onCancel(), caller.toString());
        answered.call = call;
        running.put(request.id(), call);
        onThread.set(slot);
        try {
            call.runsAs(executor.submit(slot, answered));
        } catch (NodeBusyException e) {
            onThread.compareAndSet(slot, null);
            call.fail(new CallError(CallError.BUSY, e.getMessage()));
        }
    }

    /**
     * What a request's answer ends, as a {@link Runnable}: {@link #run} frees its id among the
     * running calls. It is also the request's work for the executor ({@link #run(Runnable)}) and
     * what its leaving the thread ends ({@link #left}: its connection's call slot). One class
     * rather than three lambdas: each lambda is linked, a hidden class spun, on its first use, and
     * a fresh node's first call paid for every one of them.
     */
    private final class Answered implements CallExecutor.Work, Runnable {
        private final DiagFunction function;
        private final Message.Request request;
        private final CallSlot slot;
        private RunningCall call; // set before it is submitted

        Answered(DiagFunction function, Message.Request request, CallSlot slot) {
            this.function = function;
            this.request = request;
            this.slot = slot;
        }

        @Override
        public void run(Runnable leave) {
            CallDispatcher.this.run(function, request, call, leave);
        }

        @Override
        public void left() {
            onThread.compareAndSet(slot, null);
        }

        /** The call is answered: its id is free for the connection's next request. */
        @Override
        public void run() {
            running.remove(request.id());
        }
    }

    private void run(DiagFunction function, Message.Request request, RunningCall call, Runnable leave) {
        Instant started = Instant.now();
        Object result = null;
        CallError error = null;
        try {
            result = function.call(new Args(function.typed(), request.args()), call);
        } catch (FunctionException e) {
            error = e.toError();
        } catch (Throwable t) {
            // Includes OutOfMemoryError in a starved target: answer and stay up.
            error = new CallError(CallError.FAILED, "failed inside the node: " + Reasons.of(t));
        }
        leave.run(); // the function is done: its caller may call again as soon as it hears the answer
        // cancelled while it ran; read now, as a caller that has its answer may close at once,
        // which would make a call that succeeded look cancelled in the audit
        boolean cancelled = call.cancelled();
        try {
            if (error == null) {
                call.succeed(result);
            }
        } catch (RuntimeException e) { // Jackson's reason names our classes: of no use to the caller
            error = new CallError(CallError.FAILED, "failed inside the node: its result could not be written as JSON");
        } catch (Throwable t) { // out of memory while writing it
            error = new CallError(CallError.FAILED, "failed inside the node: " + Reasons.of(t));
        }
        if (error != null) {
            call.fail(error);
        }
        // after the answer, so the caller never waits for the disk; every path of a call passes here
        audit.record(function, request.args(), caller, started, cancelled ? CallError.CANCELLED
                : error == null ? "ok" : error.code());
        call.done(); // last: stop() closes the server, and its audit line must be written first
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // Calls die with their connection, as recon's tracer dies with its shell.
        for (RunningCall call : running.values()) {
            call.abandon();
        }
        running.clear();
        ctx.fireChannelInactive();
    }

    /**
     * The last handler of a session: a reset connection or a failing write ends the session
     * quietly, instead of Netty printing a stack trace on the target's stderr.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private static String arityText(DiagFunction f) {
        if (f.minArity() == f.maxArity()) {
            return f.minArity() == 1 ? "1 argument" : f.minArity() + " arguments";
        }
        return f.minArity() + " to " + f.maxArity() + " arguments";
    }
}
