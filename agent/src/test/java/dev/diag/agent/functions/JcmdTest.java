package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.agent.probe.DiagnosticCommandInfo;
import dev.diag.agent.probe.DiagnosticCommands;
import dev.diag.protocol.function.Impact;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.result.JcmdCommands;
import dev.diag.protocol.result.JcmdOutput;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** jcmd(...) on the JVM running the tests: its own diagnostic commands, in process. */
class JcmdTest {
    private final Jcmd jcmd = new Jcmd();

    @Test
    void runsACommandAndAnswersItsTextWithTheImpactTheJvmStates() throws Exception {
        JcmdOutput flags = (JcmdOutput) jcmd.call(args("VM.flags"), OneShotContext.INSTANCE);

        assertEquals("VM.flags", flags.command());
        assertEquals("LOW", flags.impactLevel());
        assertTrue(flags.text().contains("-XX:"), flags.text());
        assertEquals(0, flags.cutChars());
    }

    @Test
    void passesTheArgumentsAsJcmdWould() throws Exception {
        JcmdOutput help = (JcmdOutput) jcmd.call(args("help", "VM.flags"), OneShotContext.INSTANCE);

        assertEquals("VM.flags", help.arguments());
        assertTrue(help.text().contains("Syntax : VM.flags"), help.text());
    }

    @Test
    void listsEveryCommandWithItsImpactAndMarksTheRefusedOnes() throws Exception {
        Map<String, JcmdCommands.Command> listed = ((JcmdCommands) jcmd.call(args(), OneShotContext.INSTANCE)).commands()
                .stream().collect(Collectors.toMap(JcmdCommands.Command::name, c -> c));

        assertEquals("LOW", listed.get("VM.flags").impactLevel());
        assertNull(listed.get("VM.flags").refused());
        assertEquals("HIGH", listed.get("GC.class_histogram").impactLevel());
        assertTrue(listed.get("GC.class_histogram").impact().startsWith("High: "));
        assertTrue(listed.get("JFR.start").refused().contains("jfr:start"), listed.get("JFR.start").refused());
        assertTrue(listed.get("JVMTI.agent_load").refused().contains("loads a native library"));
    }

    @Test
    void refusesAnUnknownCommandNamingTheNearestOnes() {
        FunctionException e = assertThrows(FunctionException.class,
                () -> jcmd.call(args("VM.flag"), OneShotContext.INSTANCE));

        assertEquals(CallError.BAD_ARGUMENT, e.toError().code());
        assertTrue(e.getMessage().startsWith("the JVM has no diagnostic command VM.flag; nearest: VM.flags"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; jcmd() lists all " + DiagnosticCommands.catalog().size()), e.getMessage());
    }

    @Test
    void refusesCommandsThatWriteFilesOrChangeTheJvmForGoodAndRunsNone() {
        for (String command : List.of("JFR.start", "VM.set_flag", "VM.log", "Compiler.directives_add", "JFR.configure")) {
            FunctionException e = assertThrows(FunctionException.class,
                    () -> jcmd.call(args(command, "x"), OneShotContext.INSTANCE), command);
            assertTrue(e.getMessage().startsWith("diag does not run " + command + ": it "), e.getMessage());
        }
        FunctionException nmt = assertThrows(FunctionException.class,
                () -> jcmd.call(args("VM.native_memory", "shutdown"), OneShotContext.INSTANCE));
        assertTrue(nmt.getMessage().contains("turns Native Memory Tracking off"), nmt.getMessage());
    }

    @Test
    void refusesANewCommandWhoseArgumentNamesAFile() {
        DiagnosticCommandInfo future = new DiagnosticCommandInfo("Thread.dump_to_somewhere", "x", "Low", "",
                List.of("-format", "filepath"));
        assertTrue(JcmdPolicy.refusal(future).contains("its argument filepath"), JcmdPolicy.refusal(future));
        for (String name : List.of("filename", "output", "repositorypath", "dumppath", "-F")) {
            assertTrue(JcmdPolicy.namesAFile(name), name);
        }
        for (String name : List.of("-all", "name", "settings", "-l", "verbose")) {
            assertFalse(JcmdPolicy.namesAFile(name), name);
        }
    }

    @Test
    void readsTheLevelFromTheJvmsWordsAndTakesUnknownWordsForHigh() {
        assertEquals(Impact.Level.LOW, Jcmd.level("Low"));
        assertEquals(Impact.Level.LOW, Jcmd.level("Low: No impact"));
        assertEquals(Impact.Level.MEDIUM, Jcmd.level("Medium: Depends on the number of threads."));
        assertEquals(Impact.Level.MEDIUM, Jcmd.level("Medium; can be high for very large java heaps."));
        assertEquals(Impact.Level.HIGH, Jcmd.level("High: Depends on Java heap size and content."));
        assertEquals(Impact.Level.HIGH, Jcmd.level(""));
        assertEquals(Impact.Level.HIGH, Jcmd.level("Unknown"));
    }

    @Test
    void refusesArgumentsThatAreNotStrings() {
        FunctionException e = assertThrows(FunctionException.class,
                () -> jcmd.call(new Args("jcmd", List.of(IntNode.valueOf(3))), OneShotContext.INSTANCE));
        assertTrue(e.getMessage().startsWith("argument 1 is the command, e.g. jcmd(\"VM.flags\") (an atom or a string"), e.getMessage());
    }

    private static Args args(String... values) {
        return new Args("jcmd", Arrays.stream(values).map(v -> (JsonNode) TextNode.valueOf(v)).toList());
    }
}
