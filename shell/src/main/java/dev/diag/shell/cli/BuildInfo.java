package dev.diag.shell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/**
 * What {@code diag --version} prints: diag's version and the commit it was built from (recorded in
 * {@code dev/diag/shell/build.properties} by shell/pom.xml at build time), and the JVM running it,
 * because a bug report needs all three:
 * <pre>
 * diag 0.1.0 (commit 27b77b3a5784)
 * java 17.0.15+6-Debian-1deb12u1, OpenJDK 64-Bit Server VM, /usr/lib/jvm/java-17-openjdk-amd64
 * </pre>
 */
public record BuildInfo(String version, String commit) {
    private static final String RESOURCE = "/dev/diag/shell/build.properties";

    /** The recorded build, or "unknown" for what was not recorded (classes compiled by an IDE). */
    public static BuildInfo load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // as if not recorded: the version line still names the JVM
        }
        return new BuildInfo(properties.getProperty("version", "unknown"), properties.getProperty("commit", "unknown"));
    }

    /** The lines of {@code diag --version}, for the JVM this runs on. */
    public List<String> versionLines() {
        return versionLines(System.getProperty("java.runtime.version", Runtime.version().toString()),
                System.getProperty("java.vm.name", "unknown VM"), System.getProperty("java.home", "unknown home"));
    }

    List<String> versionLines(String javaVersion, String vmName, String javaHome) {
        return List.of("diag " + version + " (commit " + commit + ")", "java " + javaVersion + ", " + vmName + ", " + javaHome);
    }
}
