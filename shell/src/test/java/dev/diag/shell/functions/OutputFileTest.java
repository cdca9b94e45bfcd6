package dev.diag.shell.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {

    @Test
    void aChosenFileIsUsedAsItIsAndADirectoryGetsTheAnswersOwnName(@TempDir Path dir) {
        assertEquals(dir.resolve("cpu.html"), new OutputFile(dir.resolve("cpu.html")).resolve("diag-profile-x.html"));
        assertEquals(dir.resolve("diag-profile-x.html"), new OutputFile(dir).resolve("diag-profile-x.html"));
        assertEquals(Path.of("diag-profile-x.html").toAbsolutePath(), OutputFile.DEFAULT.resolve("diag-profile-x.html"));
    }
}
