package dev.diag.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code bin/diag} as a separate process, as a script would: with no stdin
 * ({@code /dev/null}), or with text piped into it ({@link #runWithInput}); {@link #start} returns
 * while it runs, for a test that does something to a node meanwhile.
 */
public final class DiagCli {
    private DiagCli() {
    }

    public record Run(int exit, String out, String err) {
        public List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    public static Run run(DiagHomeDir home, String... args) throws IOException, InterruptedException {
        return start(home, null, args).finish();
    }

    /** Runs bin/diag with {@code stdin} written to a pipe on its standard input, then closed. */
    public static Run runWithInput(DiagHomeDir home, String stdin, String... args)
            throws IOException, InterruptedException {
        return start(home, stdin, args).finish();
    }

    /** Runs bin/diag with {@code env} added to (or, for a null value, removed from) its environment. */
    public static Run runWithEnv(DiagHomeDir home, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return start(home, null, env, args).finish();
    }

    /** As {@link #runWithInput}, with {@code env} added to (or, for a null value, removed from) its environment. */
    public static Run runWithInputAndEnv(DiagHomeDir home, String stdin, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        return start(home, stdin, env, args).finish();
    }

    /** Starts bin/diag and returns at once; {@code stdin} null means /dev/null. */
    public static Running start(DiagHomeDir home, String stdin, String... args) throws IOException {
        return start(home, stdin, Map.of(), args);
    }

    private static Running start(DiagHomeDir home, String stdin, Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Repo.DIAG.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home.path(), "out", ".txt");
        Path err = Files.createTempFile(home.path(), "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                        : ProcessBuilder.Redirect.PIPE)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("DIAG_HOME", home.path().toString());
        builder.environment().remove("DIAG_COOKIE_FILE");
        builder.environment().remove("COLUMNS"); // output not cut to whatever terminal ran the build
        // The home's private directory port: 4370 may be served by other people's nodes here.
        builder.environment().put("DIAG_DIRECTORY_PORT", Integer.toString(home.directoryPort()));
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        if (stdin != null) {
            try (var pipe = process.getOutputStream()) {
                pipe.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        return new Running(process, out, err, String.join(" ", args));
    }

    /** A bin/diag still running. */
    public record Running(Process process, Path out, Path err, String args) {
        /** Waits for it to exit (at most 60 s) and returns what it printed. */
        public Run finish() throws IOException, InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("bin/diag " + args + " did not finish within 60 s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }
}
