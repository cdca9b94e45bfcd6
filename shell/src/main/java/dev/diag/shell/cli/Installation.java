package dev.diag.shell.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where diag's jars are, in either of its two layouts: an unpacked release archive
 * ({@code lib/diag-agent.jar} beside {@code lib/diag-shell.jar}) or a built checkout
 * ({@code agent/target/diag-agent.jar}). The root is the one bin/diag found from its own real path
 * ({@code diag.root}), or else the one this jar's location implies.
 */
public record Installation(Path root, boolean release) {

    public static Installation locate() throws DiagException {
        String fromLauncher = System.getProperty("diag.root");
        if (fromLauncher != null) {
            return at(Path.of(fromLauncher));
        }
        try {
            Path jar = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // lib/diag-shell.jar in a release, shell/target/diag-shell.jar in a checkout
            Path dir = jar.getParent();
            return at(dir.getFileName().toString().equals("lib") ? dir.getParent() : dir.getParent().getParent());
        } catch (URISyntaxException | RuntimeException e) {
            throw new DiagException(ExitCode.USAGE, "cannot tell where diag is installed; run it as bin/diag.");
        }
    }

    /** The installation at {@code root}: a release if it has lib/diag-shell.jar, else a checkout. */
    public static Installation at(Path root) {
        return new Installation(root, Files.isRegularFile(root.resolve("lib/diag-shell.jar")));
    }

    /** The jar users give {@code -javaagent:}, and {@code inject} loads. */
    public Path agentJar() throws DiagException {
        return existing(release ? "lib/diag-agent.jar" : "agent/target/diag-agent.jar");
    }

    public Path demoJar() throws DiagException {
        return existing(release ? "lib/diag-demo.jar" : "demo/target/diag-demo.jar");
    }

    private Path existing(String relative) throws DiagException {
        Path jar = root.resolve(relative);
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        throw new DiagException(ExitCode.USAGE, release
                ? jar + " is missing; unpack the release archive again."
                : jar + " is missing; build first: mvn -q -DskipTests package");
    }
}
