package dev.diag.agent.code;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a class file from a URL as it is now. A file, or an entry of a jar or of a jar in a jar
 * ({@link JarEntryOnDisk}), is read straight from the file on disk, never through the URL's handler,
 * which may be a class loader's own and answer from its cache (Tomcat's, Spring Boot's); any other
 * URL is opened without the JDK's URL caches.
 * At most {@value #MAX_BYTES} bytes: the JVM's own class file limits are far below that.
 */
final class ClassBytes {
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private ClassBytes() {
    }

    static byte[] read(URL url) throws IOException {
        if (url.getProtocol().equals("file")) {
            try (InputStream in = Files.newInputStream(file(url))) {
                return bounded(url, in.readNBytes(MAX_BYTES + 1));
            }
        }
        JarEntryOnDisk entry = JarEntryOnDisk.parse(url.toString());
        if (entry != null) {
            return bounded(url, entry.read(MAX_BYTES));
        }
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream()) {
            return bounded(url, in.readNBytes(MAX_BYTES + 1));
        }
    }

    /** The file a file: URL names, also when a loader left its path unencoded ({@code file:/my dir/A.class}). */
    private static Path file(URL url) throws IOException {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            try {
                return Path.of(url.getPath());
            } catch (RuntimeException invalid) {
                throw new IOException("cannot read " + url + " as a file: " + invalid.getMessage());
            }
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
