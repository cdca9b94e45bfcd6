package dev.diag.agent;

import java.lang.instrument.Instrumentation;

/**
 * Entry point of {@code -javaagent:diag-agent.jar=name=orders} and of dynamic attach
 * ({@code diag inject}). Nothing here may throw: an exception out of premain would stop the
 * target from starting, so every failure becomes one line on the target's stderr and the target
 * runs on without diag.
 *
 * The outcome is also left in two system properties of the target, which {@code diag inject}
 * reads back through the attach connection: {@value #NODE} (the node, once running) and
 * {@value #STATUS} (what happened). They are how a second load finds the first: loading the
 * agent twice never starts a second server.
 */
public final class AgentMain {
    public static final String NODE = "dev.diag.agent.node";
    public static final String STATUS = "dev.diag.agent.status";

    private AgentMain() {
    }

    public static void premain(String args, Instrumentation instrumentation) {
        start(args, instrumentation);
    }

    public static void agentmain(String args, Instrumentation instrumentation) {
        start(args, instrumentation);
    }

    private static synchronized void start(String args, Instrumentation instrumentation) {
        String running = System.getProperty(NODE);
        if (running != null) {
            report("already running as node " + running);
            return;
        }
        try {
            RunningAgent agent = DiagAgent.start(AgentOptions.parse(args), instrumentation);
            String address = agent.address().getAddress().getHostAddress() + ":" + agent.address().getPort()
                    + (agent.speaksTls() ? " (TLS)" : "");
            System.setProperty(NODE, agent.nodeName());
            System.err.println("diag: node " + agent.nodeName() + " listening on " + address);
            // diag inject prints the status: say there too when name@host will need the port
            System.setProperty(STATUS, "running as node " + agent.nodeName() + " on " + address
                    + (agent.directoryProblem() == null ? "" : ", serving no directory (" + agent.directoryProblem() + ")"));
        } catch (AgentOptions.BadOptionException | AgentStartException e) {
            report("not started: " + e.getMessage());
        } catch (Throwable t) {
            report("not started: unexpected " + t);
        }
    }

    private static void report(String status) {
        System.setProperty(STATUS, status);
        System.err.println("diag: " + status);
    }
}
