package dev.diag.agent.heart;

import dev.diag.agent.AgentThreads;
import dev.diag.protocol.result.HeartCommand;
import dev.diag.protocol.result.HeartStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/**
 * The node's end of heart: starts the heart process, beats it from one daemon thread, and holds
 * the restart command that heart:get_cmd/set_cmd/clear_cmd read and change.
 *
 * <p>"Alive", for heart, means: a platform thread of this JVM ran Java code within the last second
 * and every registered health check passed. The thread "diag-heart" ({@link Beater}) sleeps a
 * second, reads the checks ({@link HealthChecks}) and writes one byte to heart's pipe. It stops
 * beating when the whole process is stopped (SIGSTOP, a debugger), when the JVM is wedged in a
 * safepoint or GC that never ends (the thread cannot return from sleep or from the write into
 * Java code), or when a check fails or blocks; it beats on while an app thread spins, deadlocks
 * or waits.
 *
 * <pre>
 * Heart heart = Heart.prepare(options.heart());   // reads the command; off unless heart=true
 * heart.start("orders@vm");                       // launches heart, starts beating
 * heart.close();                                  // goodbye: heart exits, no restart
 * </pre>
 *
 * Costs, only with heart=true: the thread "diag-heart" (wakes once a second, allocates nothing
 * while no health check is registered), the JDK's "process reaper" thread waiting for heart, and
 * heart's own small JVM ({@link HeartLauncher}). If heart dies or cannot start, the node says so
 * in one line on stderr and runs on without a watchdog: killing a healthy node because its
 * watchdog died (Erlang's choice) turns a watchdog failure into an outage.
 */
public final class Heart implements AutoCloseable {
    static final long BEAT_MILLIS = 1000;
    static final String OFF_NOTE = "heart is off: start the agent with heart=true (docs/heart.md)";

    private final HeartOptions options;
    private final HeartCommands commands;
    private final Restarts restarts;
    private final Object commandLock = new Object();
    private volatile String state;
    private volatile String note;
    private volatile Process process;
    private volatile HeartPipe.Writer pipe;
    private volatile boolean closing;
    private volatile Beater beater;
    private String node;

    private Heart(HeartOptions options, HeartCommands commands, Restarts restarts) {
        this.options = options;
        this.commands = commands;
        this.restarts = restarts;
        this.state = HeartStatus.OFF;
    }

    /** No heart: every heart call says how to turn it on. */
    public static Heart off() {
        return new Heart(HeartOptions.OFF, null, Restarts.fromEnvironment());
    }

    /** Heart as {@code options} say, not yet started; reads the restart command now (a bad file is the caller's error). */
    public static Heart prepare(HeartOptions options) throws IOException {
        if (!options.enabled()) {
            return off();
        }
        try {
            return new Heart(options, HeartCommands.configured(options, System.getenv(HeartCommands.ENV)),
                    Restarts.fromEnvironment());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage());
        }
    }

    /** Starts heart watching this JVM as {@code node} (name@host); a failure is one line and the node runs on. */
    public synchronized void start(String node) {
        if (!options.enabled() || process != null || closing) {
            return;
        }
        this.node = node;
        if (ProcessHandle.current().pid() == 1) {
            gone("heart not started: this JVM is PID 1 of its container, which nothing inside can kill or "
                    + "outlive; the container's restart policy is the watchdog here");
            return;
        }
        try {
            process = HeartLauncher.start(node, options.timeoutSeconds());
            pipe = new HeartPipe.Writer(process.getOutputStream());
            pipe.command(commands.current().command());
        } catch (IOException | RuntimeException e) {
            gone("heart not started: " + e.getMessage());
            if (process != null) {
                process.destroyForcibly();
            }
            return;
        }
        state = HeartStatus.BEATING;
        Process started = process;
        started.onExit().thenRun(() -> gone("heart (pid " + started.pid() + ") exited with status " + started.exitValue()));
        beater = new Beater(pipe, () -> closing || state.equals(HeartStatus.GONE),
                e -> gone("the pipe to heart (pid " + started.pid() + ") broke: " + e.getMessage()));
        Thread thread = AgentThreads.newThread(beater, "diag-heart");
        thread.start();
        HeartCommand command = commands.current();
        System.err.println("diag: heart (pid " + process.pid() + ") watches node " + node + ": "
                + options.timeoutSeconds() + " s without a beat and it kills the node, then "
                + (command.command().isEmpty() ? "runs no restart command (none set)"
                        : "runs the restart command from " + command.source()));
    }

    /** Heart is no more (or never was): say so once, unless we said goodbye ourselves. */
    private synchronized void gone(String why) {
        if (closing || state.equals(HeartStatus.GONE)) {
            return;
        }
        state = HeartStatus.GONE;
        note = why + ", " + Instant.now().truncatedTo(ChronoUnit.MILLIS);
        System.err.println("diag: " + why + "; node " + node + " runs on without a watchdog (heart:status() says so)");
    }

    /** True while heart was asked for and has not said goodbye or died: a node it watches. */
    public boolean watches() {
        return options.enabled() && !closing && !state.equals(HeartStatus.GONE);
    }

    public HeartStatus status() {
        HeartCommand command = commands == null ? null : commands.current();
        Process heart = process;
        Beater beats = beater;
        String now = state;
        boolean withholding = now.equals(HeartStatus.BEATING) && beats != null && beats.withholdingBecause() != null;
        return new HeartStatus(withholding ? HeartStatus.WITHHOLDING : now, heart == null ? null : heart.pid(),
                options.timeoutSeconds(),
                beats == null ? null : beats.lastBeatMillis(),
                withholding ? beats.withholdingSinceMillis() : null,
                withholding ? beats.withholdingBecause() : null,
                restarts.count(), restarts.last(),
                command == null ? null : command.source(),
                command == null ? 0 : command.command().getBytes(StandardCharsets.UTF_8).length,
                beats == null ? List.of() : beats.checks(),
                !now.equals(HeartStatus.OFF) ? note : options.enabled() ? "heart is starting" : OFF_NOTE);
    }

    public HeartCommand command() throws HeartException {
        requireConfigured();
        return commands.current();
    }

    public HeartCommand setCommand(String command) throws HeartException {
        String problem = HeartCommands.problem(command);
        if (problem != null) {
            throw new HeartException(problem, true);
        }
        return change(command, () -> commands.set(command));
    }

    /** Back to the configured command: the embedding API's, the file's, or $HEART_COMMAND. */
    public HeartCommand clearCommand() throws HeartException {
        requireConfigured();
        return change(commands.configured().command(), commands::clear);
    }

    /** Tells heart first, then records it: get_cmd never shows a command heart does not have. */
    private HeartCommand change(String next, Supplier<HeartCommand> record) throws HeartException {
        requireConfigured();
        synchronized (commandLock) { // heart and get_cmd see changes in the same order
            requireRunning();
            try {
                pipe.command(next);
            } catch (IOException e) {
                gone("the pipe to heart (pid " + process.pid() + ") broke: " + e.getMessage());
                requireRunning();
            }
            return record.get();
        }
    }

    private void requireConfigured() throws HeartException {
        if (commands == null) {
            throw new HeartException("heart is off on this node: start the agent with heart=true (docs/heart.md)", false);
        }
    }

    private void requireRunning() throws HeartException {
        if (state.equals(HeartStatus.GONE)) {
            throw new HeartException("heart is gone (" + note + "): there is no watchdog to run a command", false);
        }
        if (pipe == null) {
            throw new HeartException("heart is starting; try again in a moment", false);
        }
    }

    /** Goodbye: heart exits without restarting anything; the beat thread ends. */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        HeartPipe.Writer writer = pipe;
        if (writer != null && !state.equals(HeartStatus.GONE)) {
            try {
                writer.goodbye();
                process.getOutputStream().close();
            } catch (IOException e) {
                // heart is gone already: nothing to tell
            }
        }
    }
}
