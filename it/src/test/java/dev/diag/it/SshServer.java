package dev.diag.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSSH server on loopback for one test class: Debian's {@code /usr/sbin/sshd} with a
 * throwaway host key, one user key in a temporary authorized_keys, root login by key only, no
 * PAM, on a free port. {@link #via} is the {@code --via} command that reaches it with a
 * known_hosts that holds its key, as an operator's would. {@code .ci/run} installs
 * openssh-server when it is missing.
 */
final class SshServer implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path dir;
    private final int port;
    private final Process sshd;

    private SshServer(Path dir, int port, Process sshd) {
        this.dir = dir;
        this.port = port;
        this.sshd = sshd;
    }

    static SshServer start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("diag-it-sshd");
        keygen(dir.resolve("host_key"));
        keygen(dir.resolve("user_key"));
        keygen(dir.resolve("stranger_key"));
        Files.copy(dir.resolve("user_key.pub"), dir.resolve("authorized_keys"));
        Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation directory (root only)
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "HostKey " + dir.resolve("host_key"),
                "ListenAddress 127.0.0.1",
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PermitRootLogin prohibit-password",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no", // the temporary directory is not under the user's home
                "AllowTcpForwarding yes",
                "PidFile none",
                "LogLevel INFO", "")); // INFO logs each login ("Accepted publickey"): logins() counts them
        int port = DiagHomeDir.freePort();
        String hostKey = Files.readString(dir.resolve("host_key.pub")).strip().split(" ")[0] + " "
                + Files.readString(dir.resolve("host_key.pub")).strip().split(" ")[1];
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostKey + "\n");
        Files.writeString(dir.resolve("no_known_hosts"), "");
        Process sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString(),
                "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.log").toFile())
                .start();
        SshServer server = new SshServer(dir, port, sshd);
        server.awaitListening();
        return server;
    }

    /** The --via command an operator with the right key and known_hosts would write. */
    String via() {
        return via("user_key", "known_hosts");
    }

    /** The same with another key (one sshd does not accept) or another known_hosts (an empty one). */
    String via(String key, String knownHosts) {
        return "ssh -F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile="
                + dir.resolve(knownHosts) + " -i " + dir.resolve(key) + " -p " + port + " -W %h:%p 127.0.0.1";
    }

    /** Kills the server and every connection it serves (each is a child sshd), as a crashed host would. */
    void kill() throws InterruptedException {
        List<ProcessHandle> children = sshd.descendants().toList();
        sshd.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        sshd.waitFor(10, TimeUnit.SECONDS);
    }

    /** How many logins sshd accepted so far: one per SSH connection. */
    long logins() throws IOException {
        return log().lines().filter(line -> line.contains("Accepted publickey for ")).count();
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (!sshd.isAlive()) {
                    throw new IllegalStateException("sshd exited at start:\n" + log());
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("sshd did not listen within 10 s:\n" + log());
    }

    private static void keygen(Path key) throws IOException, InterruptedException {
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "diag-it",
                "-f", key.toString()).redirectErrorStream(true).start();
        String out = new String(keygen.getInputStream().readAllBytes());
        if (keygen.waitFor() != 0) {
            throw new IllegalStateException("ssh-keygen failed: " + out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
