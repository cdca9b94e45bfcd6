package dev.diag.shell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Manifest;
import picocli.CommandLine;

/**
 * {@code diag --version} (and every subcommand's): the version and commit the shell jar was built
 * from, from its manifest, and the JVM running it, which decides what the shell can do.
 */
public final class DiagVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = DiagVersion.class.getPackage().getImplementationVersion();
        String commit = manifestAttribute("Diag-Commit");
        return new String[] {"diag " + (version == null ? "(development build)" : version)
                + (commit == null || commit.isBlank() ? "" : " (commit " + commit + ")"),
                "on Java " + Runtime.version() + " (" + System.getProperty("java.vm.name", "?") + ", "
                        + System.getProperty("java.home", "?") + ")"};
    }

    /** An attribute of the shell jar's manifest, or null (a build from classes, not a jar). */
    static String manifestAttribute(String name) {
        try (InputStream in = DiagVersion.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
            return in == null ? null : new Manifest(in).getMainAttributes().getValue(name);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
