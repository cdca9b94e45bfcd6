package dev.diag.agent.code;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * A class file in a jar, or inside a jar inside a jar as Spring Boot's class loader names it,
 * read straight from the file on disk. A class loader's URL handler may answer from what it read
 * before: Spring Boot's keep each jar they opened, Tomcat's serve its resource cache, so reading
 * through them can give the jar as it was when the app started, not the one a deployment put in
 * its place; this opens the file afresh with java.util.zip. The forms:
 *
 * <pre>
 * jar:file:/srv/lib/rules.jar!/shop/Rules.class                        a plain jar
 * jar:nested:/srv/app.jar/!BOOT-INF/classes/!/shop/Pricing.class      Spring Boot 3.2 and later
 * jar:nested:/srv/app.jar/!BOOT-INF/lib/rules.jar!/shop/Rules.class
 * jar:file:/srv/app.jar!/BOOT-INF/classes!/shop/Pricing.class         Spring Boot 2 to 3.1
 * jar:file:/srv/app.jar!/BOOT-INF/lib/rules.jar!/shop/Rules.class
 * </pre>
 *
 * A nested jar is read as a stream up to the entry, never whole into memory.
 */
final class JarEntryOnDisk {
    private final Path outer;
    /** The directory or jar inside {@code outer} that holds {@code entry}; null for an entry of {@code outer} itself. */
    private final String nested;
    private final String entry;

    private JarEntryOnDisk(Path outer, String nested, String entry) {
        this.outer = outer;
        this.nested = nested;
        this.entry = entry;
    }

    /** The entry {@code url} names; null when it is not of a form above. */
    static JarEntryOnDisk parse(String url) {
        List<String> parts;
        String file;
        if (url.startsWith("jar:nested:")) {
            String rest = url.substring("jar:nested:".length());
            int bang = rest.indexOf("/!");
            if (bang < 0) {
                return null;
            }
            file = rest.substring(0, bang);
            parts = List.of(rest.substring(bang + 2).split("!/", -1));
        } else if (url.startsWith("jar:file:")) {
            parts = new ArrayList<>(List.of(url.substring("jar:file:".length()).split("!/", -1)));
            if (parts.size() == 2 && !parts.get(1).isEmpty()) {
                return new JarEntryOnDisk(Path.of(decode(parts.get(0))), null, decode(parts.get(1)));
            }
            if (parts.size() != 3) {
                return null;
            }
            file = parts.remove(0);
        } else {
            return null;
        }
        if (parts.size() != 2 || parts.get(0).isEmpty() || parts.get(1).isEmpty()) {
            return null;
        }
        return new JarEntryOnDisk(Path.of(decode(file)), decode(parts.get(0)), decode(parts.get(1)));
    }

    /** The entry's bytes, at most {@code max} + 1 of them (the caller refuses more). */
    byte[] read(int max) throws IOException {
        try (ZipFile zip = new ZipFile(outer.toFile())) {
            if (nested == null || !nested.endsWith(".jar")) {
                // an entry of the outer jar, or of a directory of it (BOOT-INF/classes)
                String name = nested == null ? entry : (nested.endsWith("/") ? nested : nested + "/") + entry;
                ZipEntry found = zip.getEntry(name);
                if (found == null) {
                    throw new IOException(outer + " has no entry " + name);
                }
                try (InputStream in = zip.getInputStream(found)) {
                    return in.readNBytes(max + 1);
                }
            }
            ZipEntry jar = zip.getEntry(nested);
            if (jar == null) {
                throw new IOException(outer + " has no nested jar " + nested);
            }
            try (ZipInputStream in = new ZipInputStream(zip.getInputStream(jar))) {
                for (ZipEntry next = in.getNextEntry(); next != null; next = in.getNextEntry()) {
                    if (next.getName().equals(entry)) {
                        return in.readNBytes(max + 1);
                    }
                }
            }
            throw new IOException(outer + "!/" + nested + " has no entry " + entry);
        }
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
