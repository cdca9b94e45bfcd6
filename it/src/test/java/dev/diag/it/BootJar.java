package dev.diag.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.springframework.boot.loader.tools.Library;
import org.springframework.boot.loader.tools.LibraryScope;
import org.springframework.boot.loader.tools.Repackager;

/**
 * A Spring Boot executable jar built while the test runs, by the Repackager that
 * spring-boot-maven-plugin's {@code repackage} goal runs: Boot's launcher at the root, the app's
 * classes under {@code BOOT-INF/classes/}, a library as a nested jar under {@code BOOT-INF/lib/}.
 * The app is plain classes, not a Spring context (that would take seconds to start and adds nothing
 * to where classes come from): a loop prints {@code tick C=v1 L=lib} every 20 ms from the
 * controller {@code boot.Controller} and the library's {@code bootlib.Label}. Started as
 * {@code java -jar app.jar} starts it, through {@value #LAUNCHER}.
 */
final class BootJar {
    static final String LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

    private BootJar() {
    }

    /** Builds the executable jar with controller version {@code v} (1 or 2) as {@code dir/app-v.jar}. */
    static Path build(Path dir, int v) throws IOException {
        Path classes = LiveCode.compile(dir.resolve("classes-v" + v), Map.of("boot.App", """
                package boot;
                public final class App {
                    public static void main(String[] args) throws Exception {
                        System.out.println("boot app up");
                        while (true) {
                            System.out.println("tick C=" + Controller.handle() + " L=" + bootlib.Label.text());
                            Thread.sleep(20);
                        }
                    }
                }
                """, "boot.Controller", """
                package boot;
                public final class Controller {
                    static String handle() {
                        return "v%d";
                    }
                }
                """.formatted(v), "bootlib.Label", """
                package bootlib;
                public final class Label {
                    public static String text() {
                        return "lib";
                    }
                }
                """));
        Path lib = jar(classes, "bootlib", dir.resolve("lib-v" + v + ".jar"), null);
        Path app = jar(classes, "boot", dir.resolve("app-v" + v + ".jar"), "boot.App");
        Repackager repackager = new Repackager(app.toFile());
        repackager.setBackupSource(false);
        repackager.repackage(callback -> callback.library(new Library(lib.toFile(), LibraryScope.RUNTIME)));
        return app;
    }

    /** A plain jar of the classes of package {@code pkg} under {@code classes}. */
    private static Path jar(Path classes, String pkg, Path jar, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes.resolve(pkg))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
