package dev.diag.shell.client;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a {@code --via} command is OpenSSH's ssh that diag may multiplex, and the command lines
 * that do it: one master connection per (command, host), each session a channel on it
 * (OpenSSH's ControlMaster). Pure text, no processes: {@link SshMasters} runs them.
 * <pre>
 *   ssh -p 2222 -W 127.0.0.1:%p db1
 *   ssh -o ControlMaster=auto -o ControlPath=/home/ops/.diag/mux-ab12cd/3f9a0c1b2d -o ControlPersist=60 -p 2222 -W 127.0.0.1:4711 db1
 * </pre>
 * Left alone (one ssh per session, as written): a command that is not ssh, and one whose user
 * chose multiplexing already, on the command line (ControlMaster, ControlPath, -M, -S) or in
 * ~/.ssh/config (what {@code ssh -G} reports).
 */
final class SshSharing {
    /**
     * Seconds an idle master lives on when diag could not end it (killed with SIGKILL): the
     * shutdown hook ends it at once otherwise. Between sessions of a long console it may expire;
     * the next session then logs in again and becomes the master.
     */
    static final int PERSIST_SECONDS = 60;
    /**
     * The longest control socket path: the BSDs' and macOS's sun_path holds 104 bytes with the
     * terminating NUL, and ssh binds a temporary name first, the path plus 17 characters.
     */
    static final int MAX_SOCKET_PATH = 103 - 17;
    /** Characters a path may hold to go into ssh's ControlPath untouched: no quoting, no % tokens, no ~. */
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9._/-]+");

    private SshSharing() {
    }

    /** True when the command runs OpenSSH's client and its user did not choose multiplexing on the line. */
    static boolean mayShare(String template) {
        String program = program(template);
        if (!program.equals("ssh") && !program.endsWith("/ssh")) {
            return false;
        }
        String lower = template.toLowerCase(Locale.ROOT);
        return !lower.contains("controlmaster") && !lower.contains("controlpath");
    }

    /** The command line that prints ssh's configuration for that connection instead of connecting. */
    static String probe(String line) {
        return insert(line, "-G");
    }

    /**
     * True when {@code ssh -G}'s output says ssh will not multiplex by itself: ControlMaster off
     * and no ControlPath (from -M, -S or ~/.ssh/config). False for output that is not OpenSSH's.
     */
    static boolean configLeavesItToUs(List<String> probeOutput) {
        boolean masterOff = false;
        for (String line : probeOutput) {
            String lower = line.strip().toLowerCase(Locale.ROOT);
            if (lower.startsWith("controlpath ")) {
                return false;
            }
            if (lower.equals("controlmaster false")) {
                masterOff = true;
            } else if (lower.startsWith("controlmaster ")) {
                return false;
            }
        }
        return masterOff;
    }

    /** True when {@code path} can be a control socket as it is: short enough and nothing ssh would expand. */
    static boolean usableSocketPath(Path path) {
        String text = path.toString();
        return text.length() <= MAX_SOCKET_PATH && PLAIN_PATH.matcher(text).matches();
    }

    /** {@code line} multiplexed over the master at {@code socket}, becoming that master when none runs. */
    static String shared(String line, Path socket) {
        return insert(line, "-o ControlMaster=auto -o ControlPath=" + socket + " -o ControlPersist=" + PERSIST_SECONDS);
    }

    /** The program word of a command (the text before the first blank). */
    static String program(String template) {
        String stripped = template.strip();
        int blank = firstBlank(stripped);
        return blank < 0 ? stripped : stripped.substring(0, blank);
    }

    /** Options go right after the program: ssh takes the first value it sees, and these must not follow the host. */
    private static String insert(String line, String options) {
        String stripped = line.strip();
        int blank = firstBlank(stripped);
        return blank < 0 ? stripped + " " + options : stripped.substring(0, blank) + " " + options + stripped.substring(blank);
    }

    private static int firstBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
