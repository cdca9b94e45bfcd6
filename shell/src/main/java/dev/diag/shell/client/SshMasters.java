package dev.diag.shell.client;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.cookie.StrictModes;
import dev.diag.protocol.cookie.UnsafePathException;
import dev.diag.shell.cli.ShellExit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Opens the sessions of one shell through their {@code --via} commands, sharing one SSH connection
 * per (command, host) when the command is OpenSSH's ssh ({@link SshSharing}): the first session
 * logs in and its ssh becomes the master (ControlPersist puts it in the background), the others
 * wait for it and then each open a channel on it, so a fleet of 50 nodes on one host is one login.
 * The control sockets live in a directory of this shell's own, mode 700, under $DIAG_HOME (or the
 * temporary directory when that path is too long for a socket); a shutdown hook ends every master
 * ({@code ssh -O exit}) and removes the directory, and directories of shells that died without
 * it are removed by the next shell that shares. Any other command runs once per session.
 * Cost: one {@code ssh -G} per (command, host), and one master process per host while the shell runs.
 */
final class SshMasters {
    private static final long PROBE_WAIT_SECONDS = 5;
    private static final long EXIT_WAIT_SECONDS = 2;
    private static final String PREFIX = "mux-";

    private final Path home;
    private final ConcurrentMap<Key, Host> hosts = new ConcurrentHashMap<>();
    private Path directory; // made with the first master; guarded by this

    /** {@code home}: $DIAG_HOME, where the private directory of control sockets goes. */
    SshMasters(Path home) {
        this.home = home;
    }

    /** Starts {@code via} for {@code host:port} and authenticates over its pipes within {@code timeoutMillis}. */
    DiagClient connect(ViaCommand via, String host, int port, Cookie cookie, int timeoutMillis) throws IOException {
        String line = via.expand(host, port);
        Host shares = hosts.computeIfAbsent(new Key(via.template(), host), Host::new);
        Path socket = shares.socket(line);
        if (socket == null) {
            return DiagClient.over(TunnelWire.start(via, host, port, line), cookie, timeoutMillis);
        }
        String shared = SshSharing.shared(line, socket);
        if (!Files.exists(socket)) {
            // No master yet: the first session logs in and becomes it; the others wait for it rather
            // than each logging in too (they would, all racing to be the master).
            ReentrantLock first = shares.first;
            first.lock();
            try {
                if (!Files.exists(socket)) {
                    return DiagClient.over(TunnelWire.start(via, host, port, shared), cookie, timeoutMillis);
                }
            } finally {
                first.unlock();
            }
        }
        return DiagClient.over(TunnelWire.start(via, host, port, shared), cookie, timeoutMillis);
    }

    /** Ends every master this shell started and removes its directory; safe to call twice. */
    synchronized void close() {
        if (directory == null) {
            return;
        }
        List<Process> exits = new ArrayList<>();
        for (Host host : hosts.values()) {
            if (host.socket != null && Files.exists(host.socket)) {
                try {
                    exits.add(new ProcessBuilder(SshSharing.program(host.key.template()), "-F", "/dev/null",
                            "-o", "ControlPath=" + host.socket, "-O", "exit", "diag")
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
                } catch (IOException e) {
                    // ssh is gone from the PATH: the master ends by itself after its ControlPersist
                }
            }
        }
        for (Process exit : exits) {
            try {
                if (!exit.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    exit.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        delete(directory);
        directory = null;
    }

    /** This shell's directory of control sockets, made on first use; null when no short enough path exists. */
    private synchronized Path directory() {
        if (directory == null) {
            sweepDeadShells();
            directory = make(home);
            if (directory == null) {
                directory = make(Path.of(System.getProperty("java.io.tmpdir")));
            }
            if (directory != null) {
                ShellExit.addHook(new Thread(this::close, "diag-ssh-masters"));
            }
        }
        return directory;
    }

    /** {@code mux-PID-RANDOM}, mode 700 from the start; null where a socket in it would be too long, or the parent unsafe. */
    private static Path make(Path parent) {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; attempt < 5; attempt++) {
            Path dir = parent.resolve(PREFIX + ProcessHandle.current().pid() + "-"
                    + Integer.toString(random.nextInt(36 * 36 * 36 * 36), 36));
            if (!SshSharing.usableSocketPath(dir.resolve("0123456789"))) {
                return null;
            }
            try {
                // a parent others may write would let them move ours away and put theirs in its place
                StrictModes.checkDirectory(dir);
            } catch (UnsafePathException e) {
                return null;
            }
            try {
                return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                // another name
            } catch (IOException | UnsupportedOperationException e) {
                return null;
            }
        }
        return null;
    }

    /** Directories of shells killed before their hook ran: their masters, if alive, expire by themselves. */
    private void sweepDeadShells() {
        try (Stream<Path> entries = Files.list(home)) {
            entries.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+-[0-9a-z]+"))
                    .filter(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString().split("-")[1])).isEmpty())
                    .forEach(SshMasters::delete);
        } catch (IOException | RuntimeException e) {
            // nothing to sweep, or not ours to read: a leftover directory holds nothing secret
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // already gone
        }
    }

    /** The command as written and the host: what one master connection serves. */
    private record Key(String template, String host) {
    }

    /** One (command, host): whether its sessions share a master, and where its control socket is. */
    private final class Host {
        private final Key key;
        private final ReentrantLock first = new ReentrantLock();
        private boolean decided;
        private Path socket;

        Host(Key key) {
            this.key = key;
        }

        /** The control socket for this host's master, or null when its sessions do not share one. */
        synchronized Path socket(String line) {
            if (!decided) {
                decided = true;
                if (SshSharing.mayShare(key.template()) && SshSharing.configLeavesItToUs(probe(line))) {
                    Path dir = directory();
                    socket = dir == null ? null : dir.resolve(name(key));
                }
            }
            return socket;
        }
    }

    /** What {@code ssh -G} says it would use for this connection; nothing when it fails. */
    private static List<String> probe(String line) {
        try {
            Process process = new ProcessBuilder("/bin/sh", "-c", "exec " + SshSharing.probe(line))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            // waited for first: its few kilobytes fit in the pipe, and a probe that hangs is given up
            if (!process.waitFor(PROBE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return List.of();
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String next;
                while ((next = out.readLine()) != null && lines.size() < 1_000) {
                    lines.add(next);
                }
            }
            return process.exitValue() == 0 ? lines : List.of();
        } catch (IOException e) {
            return List.of(); // the session's own start says what is wrong
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** A short name for the key's socket: ten hex digits of its SHA-256. */
    private static String name(Key key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((key.template() + "\n" + key.host()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
