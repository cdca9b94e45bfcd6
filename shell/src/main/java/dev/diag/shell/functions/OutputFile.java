package dev.diag.shell.functions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an answer that leaves a file on the shell's host (profile()'s flame graph) puts it: the
 * file {@code diag --out} names, a directory it names, or the current directory; a name of the
 * answer's own is used for a directory.
 */
public record OutputFile(Path chosen) {
    /** No --out: files go to the current directory under their own names. */
    public static final OutputFile DEFAULT = new OutputFile(null);

    /** The file to write: {@code --out FILE} itself, or {@code defaultName} in the chosen (or current) directory. */
    public Path resolve(String defaultName) {
        if (chosen == null) {
            return Path.of(defaultName).toAbsolutePath();
        }
        return (Files.isDirectory(chosen) ? chosen.resolve(defaultName) : chosen).toAbsolutePath();
    }
}
