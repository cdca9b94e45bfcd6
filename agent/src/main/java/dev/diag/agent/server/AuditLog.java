package dev.diag.agent.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.agent.functions.DiagFunction;
import dev.diag.protocol.cookie.StrictModes;
import dev.diag.protocol.message.JsonTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One line in {@code DIAG_HOME/audit.log} for every call of a function declared HIGH impact (heap
 * dumps, full GCs, code loading, and whatever is declared HIGH later), on the target's host:
 *
 * <pre>
 * 2026-12-07T04:31:07.412Z alice@localhost orders ok 418ms heap_dump("/tmp/orders.hprof")
 * </pre>
 *
 * time the call started (UTC), the caller (user as its HELLO said, host as the socket has it), the
 * node, the outcome (ok or the error code), how long it ran, and the call, cut at
 * {@value #MAX_CALL_CHARS} characters. Written when the call has been answered, so the caller
 * never waits for it. The file is mode 600, must pass {@link StrictModes}, and is moved to
 * {@code audit.log.1} when the next line would take it past the cap (default 10 MiB), so the
 * two files hold at most twice that. Opened per line and closed again: no descriptor is held
 * while idle, and a log removed or rotated by hand is simply made anew. An I/O error never
 * reaches the call: it is one line on the target's stderr, at most once a minute.
 */
final class AuditLog {
    static final long DEFAULT_CAP_BYTES = 10L * 1024 * 1024;
    static final int MAX_CALL_CHARS = 1_000;
    private static final long QUIET_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Path file;
    private final Path rotated;
    private final String node;
    private final long capBytes;
    private long lastComplaint = System.nanoTime() - QUIET_NANOS; // guarded by this

    AuditLog(Path file, String node, long capBytes) {
        this.file = file;
        this.rotated = file.resolveSibling(file.getFileName() + ".1");
        this.node = node;
        this.capBytes = capBytes;
    }

    /** Whether calls of {@code function} are audited: HIGH impact, or it says so ({@link DiagFunction#audited}). */
    static boolean audits(DiagFunction function) {
        return function.audited();
    }

    /** Appends the line of one finished call, if it is audited; never throws. */
    void record(DiagFunction function, List<JsonNode> args, Caller caller, Instant started, String outcome) {
        if (!audits(function)) {
            return;
        }
        try {
            long millis = Math.max(0, Instant.now().toEpochMilli() - started.toEpochMilli());
            append(Time.FORMAT.format(started) + " " + caller + " " + node + " " + outcome + " " + millis
                    + "ms " + written(function.typed(), args) + "\n");
        } catch (IOException | RuntimeException e) {
            complain(e);
        }
    }

    /** The call as the shell would write it, arguments in JSON (so a string keeps its quotes and escapes). */
    static String written(String name, List<JsonNode> args) {
        StringBuilder call = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size() && call.length() <= MAX_CALL_CHARS; i++) {
            call.append(i == 0 ? "" : ", ").append(JsonTree.text(args.get(i)));
        }
        call.append(')');
        if (call.length() > MAX_CALL_CHARS) {
            int cut = call.length() - MAX_CALL_CHARS;
            call.setLength(MAX_CALL_CHARS);
            call.append("… (").append(cut).append(" more characters)");
        }
        return call.toString();
    }

    private synchronized void append(String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) + bytes.length > capBytes) {
            Files.move(file, rotated, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            StrictModes.checkFile(file); // an audit log someone else can rewrite proves nothing
        } else {
            StrictModes.checkDirectory(file.getParent());
        }
        // not through a link: the log is a file of ours in a directory of ours, nothing else
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try (FileChannel channel = FileChannel.open(file, options,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private synchronized void complain(Exception e) {
        long now = System.nanoTime();
        if (now - lastComplaint < QUIET_NANOS) {
            return;
        }
        lastComplaint = now;
        String why = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage() != null ? e.getMessage() : "an I/O error";
        System.err.println("diag: cannot write the audit log " + file + " (" + why + "); the calls go on unaudited "
                + "until it can be written");
    }

    /**
     * The lines' time format, made on the first audited call: every node makes an audit log at
     * start, and the formatter and its pattern's parse loaded ~40 java.time classes into every idle JVM.
     */
    private static final class Time {
        /** Always to the millisecond (Instant.toString drops a zero fraction), so the lines align. */
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);
    }
}
