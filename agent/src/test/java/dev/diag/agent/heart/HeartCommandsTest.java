package dev.diag.agent.heart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.HeartCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void takesTheCommandFromCodeThenTheFileThenTheEnvironment() throws Exception {
        Path file = Files.writeString(tmp.resolve("restart"), "exec java -Dx=a,b -jar o.jar\n\n");
        assertEquals(new HeartCommand("from code", "code"),
                HeartCommands.configured(new HeartOptions(true, 60, file.toString(), "from code"), "env").current());
        assertEquals(new HeartCommand("exec java -Dx=a,b -jar o.jar", "heart-command-file"),
                HeartCommands.configured(new HeartOptions(true, 60, file.toString(), null), "env").current());
        assertEquals(new HeartCommand("env", "HEART_COMMAND"),
                HeartCommands.configured(HeartOptions.on(60, null), "env").current());
        assertEquals(new HeartCommand("", "none"), HeartCommands.configured(HeartOptions.on(60, null), null).current());
        assertEquals(new HeartCommand("", "none"), HeartCommands.configured(HeartOptions.on(60, null), "").current());
    }

    @Test
    void aMissingFileIsAnErrorThatSaysSo() {
        IOException e = assertThrows(IOException.class, () -> HeartCommands.configured(
                new HeartOptions(true, 60, tmp.resolve("missing").toString(), null), "env"));
        assertEquals("there is no such file", e.getMessage());
    }

    @Test
    void setWinsUntilClearGoesBackToTheConfiguredCommand() throws Exception {
        HeartCommands commands = HeartCommands.configured(HeartOptions.on(60, null), "exec java -jar o.jar");
        assertEquals(new HeartCommand("echo ünï 😀", "set_cmd"), commands.set("echo ünï 😀"));
        assertEquals(new HeartCommand("echo ünï 😀", "set_cmd"), commands.current());
        assertEquals(new HeartCommand("", "none"), commands.set(""));
        assertEquals(new HeartCommand("exec java -jar o.jar", "HEART_COMMAND"), commands.clear());
    }

    @Test
    void refusesWhatShCannotRunOrHeartCannotHold() {
        assertTrue(HeartCommands.problem("a\0b").contains("NUL"));
        assertTrue(HeartCommands.problem("é".repeat(600_000)).startsWith("a command of 1200000 bytes is longer"));
        assertEquals(null, HeartCommands.problem("x".repeat(1024 * 1024)));
    }
}
