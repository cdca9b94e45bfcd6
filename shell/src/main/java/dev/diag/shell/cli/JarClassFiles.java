package dev.diag.shell.cli;

import dev.diag.protocol.frame.FrameLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The class files of a jar given to {@code diag load}: every {@code .class} entry, sorted by
 * name, each optional as a file found in a directory is. Left out: {@code module-info.class} and
 * {@code META-INF/} (multi-release versions and the like are not classes of the app as it runs),
 * and jars nested inside the jar (a Spring Boot jar's {@code BOOT-INF/lib/}: libraries, not the
 * patch). A Spring Boot executable jar or a war gives only the app's own classes, under
 * {@code BOOT-INF/classes/} or {@code WEB-INF/classes/}: the launcher classes at a Boot jar's root
 * run the app, they are not part of it. The class name comes from the class file, not from the
 * entry's path.
 */
final class JarClassFiles {
    private JarClassFiles() {
    }

    /** A file whose name ends in .jar, .war or .zip. */
    static boolean isJar(Path path) {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".jar") || name.endsWith(".war") || name.endsWith(".zip");
    }

    /** Every class file of {@code jar}, read. */
    static List<ClassFiles.Found> list(Path jar) throws DiagException {
        List<ClassFiles.Found> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> classes = zip.stream()
                    .filter(e -> isClassOfTheApp(e.getName()))
                    .sorted(Comparator.comparing(ZipEntry::getName)).toList();
            String appClasses = appClassesOf(classes);
            List<? extends ZipEntry> entries = classes.stream()
                    .filter(e -> appClasses == null || e.getName().startsWith(appClasses)).toList();
            for (ZipEntry entry : entries) {
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readNBytes(FrameLimits.DEFAULT_MAX + 1);
                    if (bytes.length > FrameLimits.DEFAULT_MAX) {
                        throw ClassFiles.tooLarge(jar + "!/" + entry.getName(), bytes.length);
                    }
                    found.add(new ClassFiles.Found(jar, entry.getName(), bytes, true));
                }
            }
        } catch (IOException e) {
            throw new DiagException(ExitCode.USAGE, "cannot read the jar " + jar + ": " + e.getMessage() + ".");
        }
        if (found.isEmpty()) {
            throw new DiagException(ExitCode.USAGE, "there are no .class files in " + jar + ".");
        }
        return found;
    }

    /** {@code BOOT-INF/classes/} or {@code WEB-INF/classes/} when the jar has classes there; null for a plain jar. */
    private static String appClassesOf(List<? extends ZipEntry> classes) {
        for (String prefix : List.of("BOOT-INF/classes/", "WEB-INF/classes/")) {
            if (classes.stream().anyMatch(e -> e.getName().startsWith(prefix))) {
                return prefix;
            }
        }
        return null;
    }

    private static boolean isClassOfTheApp(String name) {
        return name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class");
    }
}
