package dev.diag.shell.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A process in namespaces of its own, seen from the host: another mount namespace (its own /tmp
 * and home), network namespace (its own loopback) or pid namespace (its own pids). Found by
 * comparing {@code /proc/PID/ns/*} with our own, as jattach does; {@code /proc/PID/root} is its
 * file system as the host reaches it, the way the JDK's attach mechanism reaches its /tmp.
 */
record Container(long pid, long innerPid, List<String> namespaces) {
    Container {
        namespaces = List.copyOf(namespaces);
    }

    private static final List<String> KINDS = List.of("mnt", "net", "pid");

    /** The container {@code pid} runs in; empty when it shares all three namespaces with this shell. */
    static Optional<Container> of(long pid) throws DiagException {
        List<String> own = new ArrayList<>();
        for (String kind : KINDS) {
            if (!sameNamespace(pid, kind)) {
                own.add(kind);
            }
        }
        return own.isEmpty() ? Optional.empty() : Optional.of(new Container(pid, innerPid(pid), own));
    }

    /** Whether {@code pid} is in another mount, network or pid namespace, false when /proc cannot say. */
    static boolean isContained(long pid) {
        try {
            return of(pid).isPresent();
        } catch (DiagException e) {
            return false;
        }
    }

    /** The JVM's file system as this host reaches it. */
    Path root() {
        return Path.of("/proc", Long.toString(pid), "root");
    }

    private static boolean sameNamespace(long pid, String kind) throws DiagException {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", kind))
                    .equals(Files.readSymbolicLink(Path.of("/proc/self/ns", kind)));
        } catch (AccessDeniedException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "cannot look into the namespaces of pid " + pid
                    + " (permission denied): it runs as another user; run diag as that user or as root.");
        } catch (IOException | UnsupportedOperationException e) {
            return true; // no /proc namespaces here (not Linux, or the process is gone): one flat host
        }
    }

    /** The pid inside its pid namespace: the last of NSpid's pids in /proc/PID/status. */
    private static long innerPid(long pid) throws DiagException {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("NSpid:")) {
                    String[] pids = line.substring(6).strip().split("\\s+");
                    return Long.parseLong(pids[pids.length - 1]);
                }
            }
            return pid;
        } catch (NoSuchFileException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "no process has pid " + pid
                    + "; diag nodes --jvms lists JVMs.");
        } catch (IOException | NumberFormatException e) {
            return pid;
        }
    }
}
