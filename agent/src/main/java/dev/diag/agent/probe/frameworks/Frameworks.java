package dev.diag.agent.probe.frameworks;

import dev.diag.agent.probe.JdkInternals;
import java.util.List;

/** Every framework adapter, asked in this order: the first that claims a thread has it. */
public final class Frameworks {
    private Frameworks() {
    }

    public static List<FrameworkQueues> all(JdkInternals internals) {
        return List.of(
                new LogbackAsyncAppenders(internals),
                new TomcatPools(internals),
                new JettyThreadPools(internals),
                new NettyEventLoops(internals),
                new PekkoMailboxes(internals),
                new Log4j2AsyncAppenders(internals),
                new DisruptorRingBuffers(internals));
    }
}
