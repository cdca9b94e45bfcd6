package dev.diag.agent.code;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;

/**
 * Reads a class file from a URL as it is now: without the JDK's URL caches, so a jar replaced
 * on disk is opened afresh rather than read through the JarFile a class loader holds open; a
 * class file inside a jar inside a jar (Spring Boot) straight from the file ({@link NestedJarEntry}).
 * At most {@value #MAX_BYTES} bytes: the JVM's own class file limits are far below that.
 */
final class ClassBytes {
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private ClassBytes() {
    }

    static byte[] read(URL url) throws IOException {
        NestedJarEntry nested = NestedJarEntry.parse(url.toString());
        if (nested != null) {
            return bounded(url, nested.read(MAX_BYTES));
        }
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream()) {
            return bounded(url, in.readNBytes(MAX_BYTES + 1));
        }
    }

    private static byte[] bounded(URL url, byte[] bytes) throws IOException {
        if (bytes.length > MAX_BYTES) {
            throw new IOException(url + " is larger than " + MAX_BYTES + " bytes");
        }
        return bytes;
    }

    /** The URL of the class file {@code loader} finds for {@code internalName}; null when none. */
    static URL resource(ClassLoader loader, String internalName) {
        String path = internalName + ".class";
        return loader == null ? ClassLoader.getSystemResource(path) : loader.getResource(path);
    }
}
