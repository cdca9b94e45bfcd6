package dev.diag.shell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Calls read from stdin, for {@code diag} with no {@code --cmd} and stdin not a terminal: one call
 * per line; blank lines and lines starting with {@code %} are comments, as in an Erlang file.
 * Stdin is read to its end before any connection, so every call is checked first (as with --cmd)
 * and every node of a fleet runs the same list.
 * <pre>
 *   printf 'memory(heap)\nprocesses()\n' | bin/diag --nodes a,b
 * </pre>
 */
public final class StdinScript {
    private StdinScript() {
    }

    /** The calls in a script's text, in order. */
    public static List<String> calls(String text) {
        List<String> calls = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String call = line.strip();
            if (!call.isEmpty() && !call.startsWith("%")) {
                calls.add(call);
            }
        }
        return calls;
    }

    /** Reads {@code in} to its end and returns its calls. */
    public static List<String> read(InputStream in) throws DiagException {
        try {
            return calls(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DiagException(ExitCode.USAGE, "cannot read the calls from stdin: " + e.getMessage() + ".");
        }
    }

    /**
     * True when stdin is a terminal (a person typing: open the console), false when it is a pipe,
     * a file or /dev/null (a script: read the calls from it).
     *
     * <p>Why not just {@code System.console() == null}: on JDK 17 to 21 it is null unless stdin
     * AND stdout are both terminals, so {@code diag --node x | tee log} (stdin a terminal, stdout
     * a pipe) would read a script from the keyboard instead of opening the console; and JDK 22 to
     * 24 return a console even when both are redirected. Java 17 has no isatty for stdin alone, so
     * in order of trust:
     * <ol>
     * <li>{@code diag.stdin}, set by bin/diag from the shell's own {@code [ -t 0 ]} (isatty(0) of the
     *     very descriptor the JVM inherits through exec): exact, and free;</li>
     * <li>on Linux, where stdin's descriptor points: {@code /proc/self/fd/0} links to
     *     {@code /dev/pts/N}, {@code /dev/ttyN} or {@code /dev/console} for a terminal, and to
     *     {@code pipe:[..]}, {@code socket:[..]}, {@code /dev/null} or a file otherwise;</li>
     * <li>elsewhere (java -jar on macOS): a non-null {@code System.console()} on JDK 17 means both are
     *     terminals; when it is null, {@code sh -c 'test -t 0'} with our stdin inherited asks isatty
     *     (one fork, a few ms, only on this rare path); without a POSIX shell we keep the console.</li>
     * </ol>
     */
    public static boolean isTerminal() {
        String fromLauncher = System.getProperty("diag.stdin");
        if (fromLauncher != null) {
            return fromLauncher.equals("terminal");
        }
        Path fd0 = Path.of("/proc/self/fd/0");
        try {
            return isTerminalDevice(Files.readSymbolicLink(fd0).toString());
        } catch (IOException | UnsupportedOperationException e) {
            // no /proc: not Linux
        }
        if (System.console() != null && Runtime.version().feature() < 22) {
            return true;
        }
        return askShell();
    }

    /** True for the devices a terminal's descriptor links to under /proc/self/fd. */
    static boolean isTerminalDevice(String link) {
        return link.startsWith("/dev/pts/") || link.startsWith("/dev/tty") || link.equals("/dev/console");
    }

    private static boolean askShell() {
        try {
            Process test = new ProcessBuilder("/bin/sh", "-c", "test -t 0")
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!test.waitFor(2, TimeUnit.SECONDS)) {
                test.destroyForcibly();
                return true;
            }
            return test.exitValue() == 0;
        } catch (IOException e) {
            return true; // no POSIX shell (Windows): keep today's behaviour, the console
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
