package dev.diag.agent;

import java.lang.instrument.Instrumentation;

/**
 * Entry point of {@code -javaagent:diag-agent.jar=name=orders} and of dynamic attach. Nothing
 * here may throw: an exception out of premain would stop the target from starting, so every
 * failure becomes one line on the target's stderr and the target runs on without diag.
 */
public final class AgentMain {
    private AgentMain() {
    }

    public static void premain(String args, Instrumentation instrumentation) {
        start(args, instrumentation);
    }

    public static void agentmain(String args, Instrumentation instrumentation) {
        start(args, instrumentation);
    }

    private static void start(String args, Instrumentation instrumentation) {
        try {
            RunningAgent agent = DiagAgent.start(AgentOptions.parse(args), instrumentation);
            System.err.println("diag: node " + agent.nodeName() + " listening on "
                    + agent.address().getAddress().getHostAddress() + ":" + agent.address().getPort());
        } catch (AgentOptions.BadOptionException | AgentStartException e) {
            System.err.println("diag: not started: " + e.getMessage());
        } catch (Throwable t) {
            System.err.println("diag: not started: unexpected " + t);
        }
    }
}
