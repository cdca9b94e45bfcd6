package dev.diag.agent.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Class files read as they are on disk now: a file, a plain URLClassLoader's jar, Spring Boot's nested jars. */
class ClassBytesTest {
    @TempDir
    Path dir;

    @Test
    void aUrlClassLoadersJarReplacedOnDiskIsReadAfresh() throws Exception {
        Path jar = zip(dir.resolve("app.jar"), Map.of("p/A.class", bytes("one")));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            URL resource = ClassBytes.resource(loader, "p/A");
            assertArrayEquals(bytes("one"), ClassBytes.read(resource));
            Path replacement = zip(dir.resolve("next.jar"), Map.of("p/A.class", bytes("two")));
            Files.move(replacement, jar, StandardCopyOption.REPLACE_EXISTING);
            assertArrayEquals(bytes("two"), ClassBytes.read(resource));
        }
    }

    @Test
    void readsBootsNestedClassesAndNestedJarsInBothUrlForms() throws Exception {
        byte[] lib = zipBytes(Map.of("q/L.class", bytes("lib")));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("BOOT-INF/classes/p/A.class", bytes("app"));
        entries.put("BOOT-INF/lib/rules.jar", lib);
        Path jar = zip(dir.resolve("my app.jar"), entries);
        String path = jar.toUri().getRawPath();

        assertArrayEquals(bytes("app"), ClassBytes.read(new URL(null, "jar:nested:" + path + "/!BOOT-INF/classes/!/p/A.class",
                new NoHandler())));
        assertArrayEquals(bytes("lib"), ClassBytes.read(new URL(null, "jar:nested:" + path + "/!BOOT-INF/lib/rules.jar!/q/L.class",
                new NoHandler())));
        assertArrayEquals(bytes("app"), ClassBytes.read(new URL(null, "jar:file:" + path + "!/BOOT-INF/classes!/p/A.class",
                new NoHandler())));
        assertNull(JarEntryOnDisk.parse("jar:nested:" + path + "/!BOOT-INF/classes/"), "no entry named");
    }

    @Test
    void aFileOrAJarEntryIsReadFromDiskNeverThroughTheUrlsHandlerWhichMayAnswerFromACache() throws Exception {
        Path file = Files.write(dir.resolve("A.class"), bytes("file"));
        Path jar = zip(dir.resolve("lib.jar"), Map.of("p/A.class", bytes("entry")));

        // Tomcat's webapp loader hands out URLs like these, with a handler that serves its resource cache
        assertArrayEquals(bytes("file"), ClassBytes.read(new URL(null, file.toUri().toString(), new NoHandler())));
        assertArrayEquals(bytes("entry"), ClassBytes.read(new URL(null, "jar:" + jar.toUri() + "!/p/A.class",
                new NoHandler())));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
        Files.write(file, zipBytes(entries));
        return file;
    }

    private static byte[] zipBytes(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return buffer.toByteArray();
    }

    /** A URL handler that must never be used: nested URLs are read from the file, not through a handler. */
    private static final class NoHandler extends java.net.URLStreamHandler {
        @Override
        protected java.net.URLConnection openConnection(URL u) {
            throw new AssertionError("opened through the URL handler: " + u);
        }
    }
}
