package dev.diag.shell.client;

import dev.diag.shell.cli.ExitCode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Reads why a {@code --via} command ended: its exit status and the last lines it wrote to stderr,
 * matched against OpenSSH's own messages, each turned into what happened and what to do. A
 * command that ended quietly with status 0 is no failure: the node hung up, and the session says so.
 */
final class TunnelFailure {
    private TunnelFailure() {
    }

    /**
     * The exception to throw where the tunnel's stdout ended; null for a quiet end.
     * {@code stderr} is the tail of what the command wrote there, oldest line first.
     */
    static IOException of(ViaCommand command, String host, int port, int status, List<String> stderr) {
        String all = String.join("\n", stderr);
        String text = all.toLowerCase(Locale.ROOT);
        String said = said(stderr);
        if (status == 127 || (status != 0 && text.contains("not found") && !text.contains("host key"))) {
            return new TunnelException(ExitCode.USAGE, "the --via command " + command + " was not found" + said,
                    "install it, or correct --via (or the line for " + host + " in $DIAG_HOME/via)");
        }
        if (status == 126) {
            return new TunnelException(ExitCode.USAGE, "the --via command " + command + " cannot be run" + said,
                    "make it executable, or correct --via (or the line for " + host + " in $DIAG_HOME/via)");
        }
        if (text.contains("remote host identification has changed")) {
            return new TunnelException(ExitCode.AUTH_REFUSED, "ssh says the host key of " + host
                    + " has changed since it was recorded in known_hosts: someone may be in the middle",
                    "find out why with the host's owner before anything else; once you know, ssh-keygen -R "
                            + host + " forgets the old key");
        }
        if (text.contains("host key verification failed") || text.contains("host key is known for")) {
            return new TunnelException(ExitCode.AUTH_REFUSED, "ssh does not know the host key of " + host
                    + said(stderr, "host key is known for"),
                    "check the key's fingerprint with the host's owner, then record it in known_hosts (connect once "
                            + "with ssh, answering yes) and try again");
        }
        if (text.contains("permission denied")) {
            return new TunnelException(ExitCode.AUTH_REFUSED, "ssh refused the login" + said,
                    "load a key that host accepts (ssh-add, or -i KEY in the --via command) and check it is in the "
                            + "remote user's ~/.ssh/authorized_keys");
        }
        if (text.contains("administratively prohibited")) {
            return new TunnelException(ExitCode.UNREACHABLE, "the SSH server refuses to forward to " + host + ":"
                    + port + said, "ask for AllowTcpForwarding local (or yes) on it");
        }
        if (text.contains("open failed") || text.contains("stdio forwarding failed")
                || text.contains("stdio forwarding request failed")) {
            // ssh logged in, then nothing listened on the port at the far end (the second form is a
            // session multiplexed on a master, SshMasters: only the master hears why, and it is silent)
            return new TunnelRefusedException("nothing listens on " + host + ":" + port + " at the far end of the "
                    + "tunnel" + said);
        }
        if (text.contains("could not resolve hostname")) {
            return new TunnelException(ExitCode.UNREACHABLE, "ssh does not know the host" + said,
                    "check the host name in the node name, in --via and in ~/.ssh/config");
        }
        if (text.contains("connection refused")) {
            return new TunnelException(ExitCode.UNREACHABLE, "ssh could not reach its server" + said,
                    "check that sshd runs there and that the port in --via or ~/.ssh/config is right");
        }
        if (text.contains("timed out")) {
            return new TunnelException(ExitCode.UNREACHABLE, "ssh got no answer from its server" + said,
                    "check the host and the network path, then try again");
        }
        if (status == 0 && stderr.isEmpty()) {
            return null;
        }
        return new TunnelException(ExitCode.UNREACHABLE, "the --via tunnel " + command + " closed (status "
                + status + (said.isEmpty() ? "" : ", " + said.substring(2, said.length() - 1)) + ")",
                "check that the command reaches " + host + " by itself, then try again");
    }

    /** The command's last line of stderr as " (…)", or nothing. */
    private static String said(List<String> stderr) {
        return said(stderr, "");
    }

    /** The last line of stderr that holds {@code words} (else the last line) as " (…)", or nothing. */
    private static String said(List<String> stderr, String words) {
        if (!words.isEmpty() && stderr.stream().noneMatch(l -> l.toLowerCase(Locale.ROOT).contains(words))) {
            return said(stderr, "");
        }
        for (int i = stderr.size() - 1; i >= 0; i--) {
            String line = stderr.get(i).strip();
            if (!line.isEmpty() && line.toLowerCase(Locale.ROOT).contains(words)) {
                return " (" + line.replaceAll("\\.$", "") + ")";
            }
        }
        return "";
    }
}
