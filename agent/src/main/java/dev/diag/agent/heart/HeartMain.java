package dev.diag.agent.heart;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/**
 * Heart, the process: watches one node and restarts it when it hangs or dies. Started by the
 * node's agent ({@link HeartLauncher}), never by hand:
 *
 * <pre>
 * java ... dev.diag.agent.heart.HeartMain PID START_TICKS TIMEOUT_SECONDS NODE
 * </pre>
 *
 * Reads the node's messages ({@link HeartPipe}) on one thread and judges every 100 ms on the main
 * thread ({@link Watchdog}), so a hang is caught within 0.1 s of the timeout; looks the node's
 * process up in /proc once a second, and at once when the pipe ends (a dead process's pipe does). On a hang it kills
 * the node (SIGKILL), waits until the process is gone, and runs the restart command once; on a
 * death it runs the command at once; on a goodbye it exits. It exits after running the command:
 * the new node starts its own heart. Every decision is one line on stderr with the time and why.
 */
public final class HeartMain {
    static final long CHECK_MILLIS = 100;
    static final int LIVENESS_EVERY = 10;

    private HeartMain() {
    }

    public static void main(String[] args) throws Exception {
        TargetProcess target = new TargetProcess(Long.parseLong(args[0]), Long.parseLong(args[1]));
        int timeoutSeconds = Integer.parseInt(args[2]);
        String node = args[3];
        ignoreTerminalSignals();
        Watchdog watchdog = new Watchdog(TimeUnit.SECONDS.toNanos(timeoutSeconds), System::nanoTime);
        Thread reader = new Thread(() -> HeartPipe.read(System.in, watchdog), "heart-pipe");
        reader.setDaemon(true);
        reader.start();
        String who = node + " (pid " + target.pid() + ")";
        boolean alive = true;
        for (long tick = 0; ; tick++) {
            // the clock every 100 ms, /proc every second: a death closes the pipe, which says so at once
            if (tick % LIVENESS_EVERY == 0 || watchdog.pipeEnded()) {
                alive = target.isAlive();
            }
            Watchdog.Decision decision = watchdog.check(alive);
            if (decision.aside() != null) {
                log(who + ": " + decision.aside());
            }
            switch (decision.verdict()) {
                case WATCHING -> Thread.sleep(CHECK_MILLIS);
                case GOODBYE -> {
                    log(who + " said goodbye (a clean exit, or its agent stopped): heart exits, no restart");
                    System.exit(0);
                }
                case HUNG -> {
                    log(who + ": " + decision.reason() + "; killing it (SIGKILL)");
                    target.kill();
                    awaitGone(target, who);
                    restart(watchdog.command(), who, decision.reason());
                    System.exit(0);
                }
                case DIED -> {
                    log(who + ": " + decision.reason());
                    restart(watchdog.command(), who, decision.reason());
                    System.exit(0);
                }
            }
        }
    }

    /**
     * Ctrl-C and a closed terminal signal the whole process group, heart with its node: the node
     * exits cleanly and says goodbye, and heart must live to read it, not die first and leave the
     * node saying its watchdog is gone. SIGTERM and SIGKILL still end heart.
     */
    private static void ignoreTerminalSignals() {
        for (String name : new String[] {"INT", "HUP"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
            } catch (RuntimeException | LinkageError e) {
                // not on this JVM or OS: heart then dies with its terminal, as the node does
            }
        }
    }

    /** Waits for the killed process to be gone; one that lingers (in uninterruptible I/O) is waited for, and said so. */
    private static void awaitGone(TargetProcess target, String who) throws InterruptedException {
        long start = System.nanoTime();
        long nextWord = TimeUnit.SECONDS.toNanos(10);
        while (target.isAlive()) {
            if (System.nanoTime() - start > nextWord) {
                log(who + " is still there " + TimeUnit.NANOSECONDS.toSeconds(nextWord)
                        + " s after SIGKILL (in uninterruptible I/O?); waiting for it before restarting");
                nextWord *= 2;
                target.kill();
            }
            Thread.sleep(10);
        }
    }

    private static void restart(byte[] command, String who, String reason) {
        if (command.length == 0) {
            log(who + " is down and no restart command is set (heart:set_cmd, HEART_COMMAND or "
                    + "heart-command-file=): heart exits, the node stays down");
            return;
        }
        try {
            Process process = RestartCommand.run(command, Restarts.fromEnvironment(),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS) + ": " + reason);
            log(who + " is gone; ran the restart command (" + command.length + " bytes) as pid " + process.pid());
        } catch (Exception e) {
            log(who + " is gone; the restart command could not be started: " + e.getMessage());
        }
    }

    private static void log(String line) {
        System.err.println("heart: " + Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + line);
    }
}
