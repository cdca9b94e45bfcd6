package dev.diag.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the packaged artifacts under test, relative to the checkout (it/ is one level down). */
public final class Repo {
    public static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    public static final Path DIAG = ROOT.resolve("bin/diag");
    public static final Path AGENT_JAR = ROOT.resolve("agent/target/diag-agent.jar");
    public static final Path DEMO_JAR = ROOT.resolve("demo/target/diag-demo.jar");
    public static final Path TEST_CLASSES = Path.of(System.getProperty("user.dir"), "target", "test-classes");
    public static final Path FOREIGN_LIBS = Path.of(System.getProperty("user.dir"), "target", "foreign-libs");

    private Repo() {
    }

    /** The fixtures and the real frameworks they run (logback, ...): a target's class path. */
    public static String frameworksClassPath() {
        try {
            String jars = Files.readString(Path.of(System.getProperty("user.dir"), "target", "frameworks.classpath")).strip();
            return TEST_CLASSES + (jars.isEmpty() ? "" : java.io.File.pathSeparator + jars);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("target/frameworks.classpath is missing: run through 'mvn verify'", e);
        }
    }

    static {
        if (!Files.isRegularFile(AGENT_JAR) || !Files.isExecutable(DIAG)) {
            throw new IllegalStateException("run the integration tests through 'mvn verify' from the checkout: "
                    + AGENT_JAR + " or " + DIAG + " is missing");
        }
    }
}
