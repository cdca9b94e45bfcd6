package dev.diag.agent.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the spy ({@code dev.diag.spy.TraceSpy} and its hook interface) on the bootstrap class
 * path, once per JVM, so that classes of any loader can call it: the agent itself lives in the
 * application class loader, which a webapp's or a plugin's classes may not see. The two class
 * files are copied from the agent's jar into a private temporary jar, appended, loaded, and the
 * file deleted (the JVM keeps it open). A second agent in the same JVM finds the spy already there.
 * The two small classes stay after the agent stops (a bootstrap class cannot be unloaded), with
 * no hook installed: calls through them return at once.
 */
final class SpyJar {
    static final String SPY = "dev.diag.spy.TraceSpy";
    private static final String[] CLASSES = {"dev/diag/spy/TraceHook.class", "dev/diag/spy/TraceSpy.class"};

    private SpyJar() {
    }

    /** Makes sure the spy is on the bootstrap class path; false (and a reason) when it cannot be. */
    static synchronized String install(Instrumentation instrumentation) {
        if (onBootstrapPath()) {
            return null;
        }
        Path jar = null;
        try {
            jar = Files.createTempFile("diag-spy-", ".jar",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
                for (String name : CLASSES) {
                    out.putNextEntry(new JarEntry(name));
                    try (InputStream in = SpyJar.class.getClassLoader().getResourceAsStream(name)) {
                        if (in == null) {
                            return "the agent's jar lacks " + name;
                        }
                        in.transferTo(out);
                    }
                }
            }
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
            return onBootstrapPath() ? null : "the JVM did not load the trace spy from the bootstrap class path";
        } catch (IOException | RuntimeException e) {
            return "could not put the trace spy on the bootstrap class path: " + e.getMessage();
        } finally {
            if (jar != null) {
                try {
                    Files.deleteIfExists(jar);
                } catch (IOException e) {
                    // a temporary file of 3 KB: left to the OS
                }
            }
        }
    }

    private static boolean onBootstrapPath() {
        try {
            Class.forName(SPY, true, null);
            Class.forName("dev.diag.spy.TraceHook", true, null);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
