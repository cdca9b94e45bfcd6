package dev.diag.shell.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where diag's jars are: the checkout bin/diag runs from ({@code diag.root}, set by bin/diag),
 * or else found from this jar's own location (shell/target/diag-shell.jar).
 */
public record Installation(Path root) {

    public static Installation locate() throws DiagException {
        String fromLauncher = System.getProperty("diag.root");
        if (fromLauncher != null) {
            return new Installation(Path.of(fromLauncher));
        }
        try {
            Path jar = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new Installation(jar.getParent().getParent().getParent());
        } catch (URISyntaxException | RuntimeException e) {
            throw new DiagException(ExitCode.USAGE, "cannot tell where diag is installed; run it as bin/diag.");
        }
    }

    public Path agentJar() throws DiagException {
        return existing(root.resolve("agent/target/diag-agent.jar"));
    }

    public Path demoJar() throws DiagException {
        return existing(root.resolve("demo/target/diag-demo.jar"));
    }

    private static Path existing(Path jar) throws DiagException {
        if (!Files.isRegularFile(jar)) {
            throw new DiagException(ExitCode.USAGE, jar + " is missing; build first: mvn -q -DskipTests package");
        }
        return jar;
    }
}
