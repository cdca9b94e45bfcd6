package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.result.JcmdCommands;
import dev.diag.protocol.result.JcmdOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

class JcmdViewTest {

    @Test
    void showsTheJvmsTextLineByLine() {
        assertEquals(List.of("-XX:CICompilerCount=2", "-XX:+UseG1GC"),
                JcmdView.output(new JcmdOutput("VM.flags", "", "LOW", "-XX:CICompilerCount=2\n-XX:+UseG1GC\n", 0), 80));
    }

    @Test
    void saysHowMuchWasCutAndHowToNarrowIt() {
        List<String> lines = JcmdView.output(new JcmdOutput("Thread.print", "", "MEDIUM", "\"main\" #1", 12_345), 80);
        assertEquals("… 12,345 more characters cut: a reply carries at most 1 MiB of text; narrow the command with "
                + "its arguments", lines.get(1));
    }

    @Test
    void saysWhenACommandPrintedNothing() {
        assertEquals(List.of("(GC.run printed nothing)"), JcmdView.output(new JcmdOutput("GC.run", "", "MEDIUM", "", 0), 80));
    }

    @Test
    void listsCommandsWithTheirLevelAndTheRefusedOnesWithWhy() {
        List<String> lines = JcmdView.commands(new JcmdCommands(List.of(
                new JcmdCommands.Command("GC.class_histogram", "HIGH", "High: Depends on Java heap size and content.",
                        "Provide statistics about the Java heap usage.", null),
                new JcmdCommands.Command("VM.set_flag", "LOW", "Low", "Sets VM flag option using the provided value.",
                        "changes a JVM flag for good"))), 120);
        assertEquals(List.of(
                "COMMAND             IMPACT   WHAT IT DOES",
                "GC.class_histogram  HIGH     Provide statistics about the Java heap usage.",
                "VM.set_flag         refused  changes a JVM flag for good"), lines.subList(0, 3));
    }
}
