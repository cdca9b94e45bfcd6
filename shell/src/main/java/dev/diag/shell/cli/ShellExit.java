package dev.diag.shell.cli;

/**
 * How a one-shot call ends, and the shell's own shutdown hooks. {@code System.exit} on JDK 21+
 * first asks for the {@code java.lang.Runtime} logger (Runtime.exit logging), and that first
 * {@code System.getLogger} searches the class path for a logging back end: a tenth of a one-shot
 * {@code diag --cmd memory}'s main thread on JDK 25. So a call that registered no hook of its own
 * ends with {@code Runtime.halt} once its output is flushed, which runs no hooks and asks no
 * logger; one that did (an SSH master or a --via tunnel to reap) ends with {@code System.exit}.
 * The console, with JLine's own terminal hooks, always ends with {@code System.exit}.
 */
public final class ShellExit {
    private static boolean hooked;

    private ShellExit() {
    }

    /** Registers {@code hook} to run at exit; from then on {@link #exit} runs the hooks. */
    public static synchronized void addHook(Thread hook) {
        Runtime.getRuntime().addShutdownHook(hook);
        hooked = true;
    }

    /** Flushes stdout and stderr and ends the JVM with {@code code}, running any hook added here. */
    public static void exit(int code) {
        System.out.flush();
        System.err.flush();
        synchronized (ShellExit.class) {
            if (hooked) {
                System.exit(code);
            }
        }
        Runtime.getRuntime().halt(code);
    }
}
