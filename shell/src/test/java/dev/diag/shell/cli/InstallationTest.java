package dev.diag.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationTest {
    @TempDir
    Path root;

    @Test
    void anUnpackedReleaseFindsItsJarsInLib() throws Exception {
        assertLayout(true, "lib/diag-shell.jar", "lib/diag-agent.jar", "lib/diag-demo.jar");
    }

    @Test
    void aCheckoutFindsItsJarsUnderEachModulesTarget() throws Exception {
        assertLayout(false, "shell/target/diag-shell.jar", "agent/target/diag-agent.jar", "demo/target/diag-demo.jar");
    }

    private void assertLayout(boolean release, String shell, String agent, String demo) throws Exception {
        touch(shell, agent, demo);
        Installation installation = Installation.at(root);
        assertEquals(release, installation.release());
        assertEquals(root.resolve(agent), installation.agentJar());
        assertEquals(root.resolve(demo), installation.demoJar());
    }

    @Test
    void aMissingJarSaysWhatToDoInEachLayout() throws Exception {
        assertEquals("diag: " + root.resolve("agent/target/diag-agent.jar")
                        + " is missing; build first: mvn -q -DskipTests package",
                message(assertThrows(DiagException.class, () -> Installation.at(root).agentJar())));
        touch("lib/diag-shell.jar");
        assertEquals("diag: " + root.resolve("lib/diag-agent.jar") + " is missing; unpack the release archive again.",
                message(assertThrows(DiagException.class, () -> Installation.at(root).agentJar())));
    }

    private static String message(DiagException e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.report(new java.io.PrintWriter(out));
        return out.toString().strip();
    }

    private void touch(String... files) throws IOException {
        for (String file : files) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.createFile(root.resolve(file));
        }
    }
}
