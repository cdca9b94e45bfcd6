package dev.diag.agent;

import io.netty.buffer.ByteBufAllocator;

/**
 * The child JVM of {@link IdleAgentLoadsLittleTest}: starts an agent as premain would (options
 * from args[0], no Instrumentation), reports Netty's default allocator and the agent's threads,
 * stops the agent and reports the threads left. Nothing else runs in it, so every class it loads
 * is the agent's start-up's (or this class's, which loads only Netty's allocator interface),
 * up to {@link Stopping}, whose loading marks in the class log where stopping begins.
 */
public final class IdleAgentProcess {
    private IdleAgentProcess() {
    }

    public static void main(String[] args) throws Exception {
        RunningAgent agent = DiagAgent.start(AgentOptions.parse(args[0]));
        System.out.println("THREADS " + AgentThreads.ids().length);
        System.out.println("DEFAULT_ALLOCATOR " + ByteBufAllocator.DEFAULT.getClass().getName());
        Stopping.mark();
        agent.close();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (AgentThreads.ids().length > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        System.out.println("LEFT " + AgentThreads.ids().length);
    }

    /** Loaded just before the agent is stopped: what the class log lists before it loaded at idle. */
    static final class Stopping {
        static void mark() {
        }
    }
}
