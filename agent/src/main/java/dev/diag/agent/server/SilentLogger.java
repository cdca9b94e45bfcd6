package dev.diag.agent.server;

import io.netty.util.internal.logging.AbstractInternalLogger;

/**
 * A Netty logger that has no level enabled and drops what it is given (see {@link NettyLogging}
 * for why the agent's Netty never logs). A plain class, not a {@code java.lang.reflect.Proxy}:
 * a proxy is generated at run time, with its own dynamic module, the JDK's class-file writer and
 * a dozen classes and lambdas loaded at the agent's start for loggers that never write a line.
 * What {@link AbstractInternalLogger} routes through a level (log, isEnabled, the Throwable-only
 * forms) ends in these methods too.
 */
final class SilentLogger extends AbstractInternalLogger {
    private static final long serialVersionUID = 1L;

    SilentLogger(String name) {
        super(name);
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public void trace(String msg) {
    }

    @Override
    public void trace(String format, Object arg) {
    }

    @Override
    public void trace(String format, Object argA, Object argB) {
    }

    @Override
    public void trace(String format, Object... arguments) {
    }

    @Override
    public void trace(String msg, Throwable t) {
    }

    @Override
    public boolean isDebugEnabled() {
        return false;
    }

    @Override
    public void debug(String msg) {
    }

    @Override
    public void debug(String format, Object arg) {
    }

    @Override
    public void debug(String format, Object argA, Object argB) {
    }

    @Override
    public void debug(String format, Object... arguments) {
    }

    @Override
    public void debug(String msg, Throwable t) {
    }

    @Override
    public boolean isInfoEnabled() {
        return false;
    }

    @Override
    public void info(String msg) {
    }

    @Override
    public void info(String format, Object arg) {
    }

    @Override
    public void info(String format, Object argA, Object argB) {
    }

    @Override
    public void info(String format, Object... arguments) {
    }

    @Override
    public void info(String msg, Throwable t) {
    }

    @Override
    public boolean isWarnEnabled() {
        return false;
    }

    @Override
    public void warn(String msg) {
    }

    @Override
    public void warn(String format, Object arg) {
    }

    @Override
    public void warn(String format, Object argA, Object argB) {
    }

    @Override
    public void warn(String format, Object... arguments) {
    }

    @Override
    public void warn(String msg, Throwable t) {
    }

    @Override
    public boolean isErrorEnabled() {
        return false;
    }

    @Override
    public void error(String msg) {
    }

    @Override
    public void error(String format, Object arg) {
    }

    @Override
    public void error(String format, Object argA, Object argB) {
    }

    @Override
    public void error(String format, Object... arguments) {
    }

    @Override
    public void error(String msg, Throwable t) {
    }
}
