package dev.diag.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code bin/diag} as a separate process, as a script would, with no stdin. */
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
        List<String> command = new ArrayList<>();
        command.add(Repo.DIAG.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home.path(), "out", ".txt");
        Path err = Files.createTempFile(home.path(), "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("DIAG_HOME", home.path().toString());
        builder.environment().remove("DIAG_COOKIE_FILE");
        builder.environment().remove("COLUMNS"); // output not cut to whatever terminal ran the build
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/diag " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
