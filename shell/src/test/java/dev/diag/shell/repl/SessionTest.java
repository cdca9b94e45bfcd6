package dev.diag.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.shell.testing.FakeNode;
import dev.diag.shell.testing.FakeNodes;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's prompt in a console on pipes: its own words, Ctrl-C, keys typed while a call runs. */
@Timeout(20)
class SessionTest {
    @RegisterExtension
    final FakeNodes nodes = new FakeNodes();

    @ParameterizedTest
    @ValueSource(strings = {"q().", "q()", "q", "quit", "exit.", " exit "})
    void eachSpellingOfQuitLeaves(String quit) throws Exception {
        String alpha = nodes.start("alpha");
        try (PipedConsole console = PipedConsole.attached(nodes, alpha)) {
            console.line(quit);
            assertEquals(0, console.awaitExit());
        }
    }

    @Test
    void attachStartsANewJobAndMakesItCurrent() throws Exception {
        String alpha = nodes.start("alpha");
        String beta = nodes.start("beta");
        try (PipedConsole console = PipedConsole.attached(nodes, alpha)) {
            console.line("attach " + beta + ".");
            console.awaitText("Attached to " + beta);
            console.awaitPrompt(beta, 1);
            console.openMenu();
            console.line("j");
            String screen = console.awaitText("   2* " + beta);
            assertTrue(screen.contains("   1  " + alpha + "\n"), screen);
        }
    }

    @Test
    void attachingANodeThatIsNotThereIsASentenceAndTheJobGoesOn() throws Exception {
        String alpha = nodes.start("alpha");
        try (PipedConsole console = PipedConsole.attached(nodes, alpha)) {
            console.line("attach " + deadNode("nobody"));
            console.awaitText("connection refused");
            console.awaitCount("(" + alpha + ")1> ", 2);
            console.line("memory(heap).");
            String screen = console.awaitPrompt(alpha, 2);
            assertTrue(screen.contains("(heap: 1.00 KiB)"), "the job's output still shows: " + screen);
        }
    }

    @Test
    void aHistoryFileOthersCanWriteIsNeitherReadNorWritten() throws Exception {
        String alpha = nodes.start("alpha");
        Path history = nodes.home().resolve("history");
        Files.writeString(history, "heap_dump(\"/tmp/planted.hprof\").\n");
        Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-rw-rw-"));
        try (PipedConsole console = PipedConsole.attached(nodes, alpha)) {
            console.awaitText("diag: " + history + " is writable by others (mode 0666): run chmod 600 " + history
                    + "; until then the console keeps no history.");
            console.line("memory(heap).");
            console.awaitPrompt(alpha, 2);
            console.line("q().");
            assertEquals(0, console.awaitExit());
        }
        assertEquals("heap_dump(\"/tmp/planted.hprof\").\n", Files.readString(history));
    }

    @Test
    void withoutANodeTheConsoleSaysHowToAttachOne() throws Exception {
        String alpha = nodes.start("alpha");
        try (PipedConsole console = new PipedConsole(nodes, deadNode("nobody"))) {
            console.awaitText("No node attached: attach NODE, or ^G then r NODE. q(). leaves.");
            console.awaitText("(no node)> ");
            console.line("memory().");
            console.awaitText("No node attached: attach NODE, or ^G then r NODE.\n(no node)> ");
            console.line("attach " + alpha);
            console.awaitPrompt(alpha, 1);
        }
    }

    @Test
    void helpNeedsNoNode() throws Exception {
        try (PipedConsole console = new PipedConsole(nodes, deadNode("nobody"))) {
            console.awaitText("(no node)> ");
            console.line("help(memory).");
            console.awaitText("cost: LOW: reads the JVM's memory counters");
            console.line("help().");
            String screen = console.awaitText("leave the console");
            assertTrue(screen.contains("heap_dump/1") && screen.contains("a new job on NODE"), screen);
        }
    }

    @Test
    void ctrlCAtThePromptAsksBeforeLeaving() throws Exception {
        String alpha = nodes.start("alpha");
        try (PipedConsole console = PipedConsole.attached(nodes, alpha)) {
            console.type(PipedConsole.CTRL_C);
            console.awaitText("Leave the console? The nodes keep running. [y/N] ");
            console.line("n");
            console.awaitCount("(" + alpha + ")1> ", 2);
            assertFalse(console.ended());
            console.type(PipedConsole.CTRL_C);
            console.awaitCount("Leave the console?", 2);
            console.line("y");
            assertEquals(0, console.awaitExit());
        }
    }

    @Test
    void ctrlCWhileACallRunsCancelsItOnTheNodeAndTheConsoleStays() throws Exception {
        FakeNode slow = nodes.start("slow", Set.of("memory"));
        String node = slow.address();
        try (PipedConsole console = PipedConsole.waitingOn(nodes, slow)) {
            console.type(PipedConsole.CTRL_C);
            String screen = console.awaitPrompt(node, 2);
            assertTrue(slow.calls().contains("cancel"), slow.calls().toString());
            assertTrue(screen.contains("cancelled"), screen);
            assertFalse(console.ended());
        }
    }

    @Test
    void keysTypedWhileACallRunsWaitForTheNextPrompt() throws Exception {
        FakeNode slow = nodes.start("slow", Set.of("memory"));
        String node = slow.address();
        try (PipedConsole console = PipedConsole.waitingOn(nodes, slow)) {
            console.type("q()");
            console.type(PipedConsole.CTRL_C);
            console.awaitPrompt(node, 2); // a dumb terminal shows typed-ahead keys only with the next one
            console.line(".");
            assertEquals(0, console.awaitExit(), "q() typed during the call, then '.', leaves");
        }
    }

    /** A node name with a port nothing listens on. */
    private static String deadNode(String name) throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return name + "@127.0.0.1:" + probe.getLocalPort();
        }
    }
}
