package dev.diag.agent.functions;

import dev.diag.agent.AgentThreads;
import dev.diag.agent.StopSwitch;
import dev.diag.agent.heart.Heart;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.Stopped;
import java.util.function.IntSupplier;

/**
 * {@code stop()}: takes the agent out of the node. The answer goes first; once it is written and
 * the call is done, one short-lived thread ("diag-stop") closes the agent through the
 * {@link StopSwitch} (RunningAgent.close: heart's goodbye, the registry entry, both listening
 * sockets and every session, the call pool, the I/O thread, the GC listeners, the shutdown hook,
 * the system properties an inject looks for) and ends with it. Nothing else is started.
 *
 * <p>Heart is what needs asking. It cannot outlive the agent: the agent's thread is what beats
 * it, and heart without beats would kill a healthy node after its timeout. Stopping the agent
 * therefore tells heart goodbye, and a node whose watchdog went away as a side effect of a
 * cleanup looks protected and is not. So on a node heart watches, {@code stop()} is refused and
 * {@code stop(heart)} stops both.
 *
 * <pre>
 * stop().          % Stopped{node=orders@vm, heart=off, redefinedClasses=0}, then the node closes
 * stop(heart).     % the same, heart exits without a restart
 * </pre>
 */
final class Stop extends FunctionBase {
    static final String HEART = "heart";

    private final StopSwitch stopSwitch;
    private final Heart heart;
    private final IntSupplier redefinedClasses; // by code loading so far: what stop() leaves in the target

    Stop(StopSwitch stopSwitch, Heart heart, IntSupplier redefinedClasses) {
        super(Declaration.STOP);
        this.stopSwitch = stopSwitch;
        this.heart = heart;
        this.redefinedClasses = redefinedClasses;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        boolean heartToo = args.count() == 1 && heartArgument(args);
        String node = stopSwitch.node();
        if (node == null) {
            throw FunctionException.failed("this agent is starting or already stopping; try again in a moment");
        }
        boolean watched = heart.watches();
        if (watched && !heartToo) {
            throw FunctionException.failed("heart watches this node and cannot run without the agent; stop(heart) stops "
                    + "both, and the node runs on without a watchdog");
        }
        // after the answer: closing first would cut the connection the answer travels on
        context.afterAnswer(() -> AgentThreads.newThread(stopSwitch::press, "diag-stop").start());
        return new Stopped(node, watched ? Stopped.HEART_STOPPED : Stopped.HEART_OFF, redefinedClasses.getAsInt());
    }

    private static boolean heartArgument(Args args) throws FunctionException {
        String atom = args.atom(0);
        if (!atom.equals(HEART)) {
            throw FunctionException.badArgument("stop takes no argument, or heart to stop heart too; got " + atom);
        }
        return true;
    }
}
