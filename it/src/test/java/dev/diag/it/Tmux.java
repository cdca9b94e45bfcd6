package dev.diag.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real terminal for console tests: a tmux session on a private server socket (so tests never
 * touch anyone else's tmux), driven with send-keys and read with capture-pane.
 */
public final class Tmux implements AutoCloseable {
    private final String socket = "diag-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final String session = "console";

    /** Starts {@code command} (run by sh) in an 120x40 terminal with the given DIAG_HOME and its directory port. */
    public Tmux(DiagHomeDir home, String command) throws IOException, InterruptedException {
        run("new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                "env DIAG_HOME=" + home.path() + " DIAG_DIRECTORY_PORT=" + home.directoryPort() + " " + command
                        + "; sleep 600");
    }

    /** Types {@code text} and presses Enter. */
    public void line(String text) throws IOException, InterruptedException {
        run("send-keys", "-t", session, "-l", text);
        run("send-keys", "-t", session, "Enter");
    }

    /** Presses keys by tmux name, e.g. "C-g", "C-c", "Tab". */
    public void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        run(args.toArray(String[]::new));
    }

    /** Waits until the console process has ended (the pane then runs the trailing sleep). */
    public void awaitConsoleEnded(int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!run("display-message", "-p", "-t", session, "#{pane_current_command}").strip().equals("sleep")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the console did not end within " + seconds + " s; the screen:\n" + screen());
            }
            Thread.sleep(100);
        }
    }

    /** The visible screen with its escape sequences (colours, inverse video) as the terminal got them. */
    public String screenWithEscapes() throws IOException, InterruptedException {
        return run("capture-pane", "-e", "-p", "-t", session);
    }

    /** The screen and scrollback as text. */
    public String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", session, "-S", "-2000");
    }

    /** Waits up to {@code seconds} for the screen to satisfy {@code test}; returns the screen. */
    public String await(Predicate<String> test, int seconds, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String screen = screen();
        while (!test.test(screen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + seconds + " s for " + what + "; the screen:\n" + screen);
            }
            Thread.sleep(100);
            screen = screen();
        }
        return screen;
    }

    /** Waits for {@code text}; trailing spaces are ignored, as capture-pane drops them at line ends. */
    public String awaitText(String text, int seconds) throws IOException, InterruptedException {
        String wanted = text.stripTrailing();
        return await(s -> s.contains(wanted), seconds, "'" + wanted + "'");
    }

    /** Waits until {@code text} appears {@code times} times on the screen. */
    public String awaitCount(String text, int times, int seconds) throws IOException, InterruptedException {
        String wanted = text.stripTrailing();
        return await(s -> count(s, wanted) >= times, seconds, times + " x '" + wanted + "'");
    }

    public static int count(String screen, String text) {
        int n = 0;
        for (int i = screen.indexOf(text); i >= 0; i = screen.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("kill-server");
        } catch (IOException e) {
            // already gone
        }
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("tmux", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("tmux " + String.join(" ", args) + " did not finish within 10 s");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException("tmux " + String.join(" ", args) + " failed: " + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
