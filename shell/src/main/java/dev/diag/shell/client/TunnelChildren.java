package dev.diag.shell.client;

import dev.diag.shell.cli.ShellExit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code --via} commands still running, ended when the shell exits (a script interrupted with
 * Ctrl-C, SIGTERM, or a return that skipped a close) so no ssh outlives the shell. Process-wide on
 * purpose: a JVM shutdown hook is process-wide too. The hook is installed with the first tunnel,
 * so a shell that never tunnels pays nothing.
 */
final class TunnelChildren {
    private static final Set<TunnelWire> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private TunnelChildren() {
    }

    static void add(TunnelWire wire) {
        hook();
        OPEN.add(wire);
    }

    static void remove(TunnelWire wire) {
        OPEN.remove(wire);
    }

    private static synchronized void hook() {
        if (!hooked) {
            ShellExit.addHook(new Thread(() -> List.copyOf(OPEN).forEach(TunnelWire::end),
                    "diag-via-reaper"));
            hooked = true;
        }
    }
}
