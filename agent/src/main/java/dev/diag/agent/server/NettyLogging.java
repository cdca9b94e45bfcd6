package dev.diag.agent.server;

import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

/**
 * Keeps the agent's own Netty from logging into the target. Left to itself, Netty picks the
 * logging library it finds on the class path (SLF4J, Log4j 2, java.util.logging): in a target
 * whose async appender is full, the agent's I/O thread then blocks in that appender's put() like
 * every other thread, and the node stops answering exactly when it is needed (found with the
 * real logback's AsyncAppender); and out of file descriptors, a warning through
 * java.util.logging tried to load time-zone data, could not open the file, and killed the I/O
 * thread with a NoClassDefFoundError (issue 15). The agent's own lines go through RefusalLog,
 * one rate-limited sentence each. A guest prints nothing into its host's logs anyway: every
 * logger Netty asks for (a {@link SilentLogger}) says no level is enabled and drops what it is
 * given. Set before any Netty class logs; the relocated Netty is the agent's alone, so the
 * target's own is untouched.
 */
final class NettyLogging {
    private NettyLogging() {
    }

    static void silence() {
        InternalLoggerFactory.setDefaultFactory(new InternalLoggerFactory() {
            @Override
            protected InternalLogger newInstance(String name) {
                return new SilentLogger(name);
            }
        });
    }
}
