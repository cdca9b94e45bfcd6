package dev.diag.shell.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * A private directory in a container's /tmp, made from the host through {@code /proc/PID/root},
 * holding the cookie the injected agent takes (and deletes) at start, and then the node's socket.
 * Mode 700 and 600, owned by the JVM's user (chowned when we are root and it is not), created
 * with O_EXCL semantics under a random name, so nobody in the container can plant or read either.
 * The cookie thus never travels in the agent's options, which the JVM keeps where anyone who may
 * attach can read them (jcmd VM.info, JFR's jdk.JavaAgent event).
 */
record CookieDropbox(Container container, String inside) implements AutoCloseable {
    static final String COOKIE = "cookie";
    static final String SOCKET = "node.sock";
    /** The agent removes its copy by this name when it stops (the agent's UnixSocketListener.AGENT_JAR). */
    static final String AGENT_JAR = "diag-agent.jar";

    /** Makes the directory and writes {@code cookie}'s bytes into it. */
    static CookieDropbox create(Container container, byte[] cookie) throws DiagException {
        Path tmp = container.root().resolve("tmp");
        // Only a real directory: an absolute link there would be resolved against the HOST's root.
        if (!Files.isDirectory(tmp, LinkOption.NOFOLLOW_LINKS)) {
            throw new DiagException(ExitCode.UNREACHABLE, "cannot enter the file system of pid " + container.pid()
                    + ": " + tmp + " is not a directory this shell can use; run diag as root or as the JVM's user.");
        }
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; attempt < 5; attempt++) {
            String inside = "/tmp/diag-" + HexFormat.of().toHexDigits(random.nextInt());
            CookieDropbox box = new CookieDropbox(container, inside);
            try {
                Files.createDirectory(box.onHost(), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException taken) {
                continue;
            } catch (IOException e) {
                throw new DiagException(ExitCode.UNREACHABLE, "cannot enter the file system of pid " + container.pid()
                        + " (" + box.onHost() + ": " + e.getMessage() + "); run diag as root or as the JVM's user.");
            }
            try {
                Path file = box.onHost().resolve(COOKIE);
                try (SeekableByteChannel out = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")))) {
                    out.write(ByteBuffer.wrap(cookie)); // a file channel writes it all at once
                }
                box.giveToTheJvmsUser(file);
                box.giveToTheJvmsUser(box.onHost());
                return box;
            } catch (IOException e) {
                box.close();
                throw new DiagException(ExitCode.UNREACHABLE, "cannot leave the cookie for pid " + container.pid()
                        + " in " + box.onHost() + ": " + e.getMessage() + ".");
            }
        }
        throw new DiagException(ExitCode.UNREACHABLE, "cannot make a private directory in " + tmp + "; try again.");
    }

    /**
     * Copies the agent jar into the directory, owned by the JVM's user, and returns its path as
     * the container sees it: the JVM loads it from there (and keeps it open while the agent runs).
     */
    String copyAgentJar(Path agentJar) throws DiagException {
        Path copy = onHost().resolve(AGENT_JAR);
        try {
            Files.copy(agentJar, copy);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("r--------"));
            giveToTheJvmsUser(copy);
        } catch (IOException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "cannot copy the agent into the container of pid "
                    + container.pid() + " (" + copy + ": " + e.getMessage() + ").");
        }
        return inside + "/" + AGENT_JAR;
    }

    /** The directory as the host reaches it. */
    Path onHost() {
        return container.root().resolve(inside.substring(1));
    }

    String cookieInside() {
        return inside + "/" + COOKIE;
    }

    String socketInside() {
        return inside + "/" + SOCKET;
    }

    /**
     * The agent runs as the JVM's user and must own what it reads (strict modes); as root we
     * created them as root, so they are handed over. As anyone else we are the JVM's user already.
     */
    private void giveToTheJvmsUser(Path path) throws IOException {
        Path process = Path.of("/proc", Long.toString(container.pid()));
        int uid = (Integer) Files.getAttribute(process, "unix:uid");
        int gid = (Integer) Files.getAttribute(process, "unix:gid");
        if ((Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS) != uid) {
            Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** Removes whatever the agent did not take: the cookie if it never started, and the directory if empty. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(onHost().resolve(COOKIE));
            if (!Files.exists(onHost().resolve(SOCKET), LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(onHost().resolve(AGENT_JAR)); // no agent runs from it
            }
            Files.deleteIfExists(onHost());
        } catch (IOException ignored) {
            // a socket still in it: the node runs there and removes socket, jar and directory when it stops
        }
    }
}
