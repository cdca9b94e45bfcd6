package dev.diag.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * The code NewClassesIT loads: a hot-fix that makes loaded classes start using helpers the node
 * has not loaded. A loop prints {@code tick G=hello world F=bye} every 20 ms from two loaded
 * classes, each compiled by {@link LiveCode#compile} in three versions:
 * <ul>
 * <li>v1, the target's class path: {@code Greeter} and {@code Farewell} use no helper; an OLD
 *     {@code Names} and an OLD {@code Titles} are on the class path too, never loaded (they would
 *     print {@code hello OLD} and {@code bye OLD});
 *     {@code other.Base} is package-private;
 * <li>v2, the fix: {@code Greeter} calls the new {@code Names.of} ({@code hello WORLD}),
 *     {@code Farewell} the new {@code Titles.of} ({@code bye Dr}); {@code Sub} extends
 *     {@code other.Base}, public here, so it compiles, but the JVM refuses to define it next to v1's;
 * <li>v3: {@code Farewell} says {@code bye for now}; the helpers as in v2 (a patch jar, a build directory);
 * <li>v4: {@code Greeter} calls a new nested class {@code Greeter$Inner}, which the JVM defines, but
 *     a loaded class cannot gain a nest member: it refuses to redefine {@code Greeter}.
 * </ul>
 */
final class FixCode {
    static final String MAIN = "fix.FixTarget";

    private FixCode() {
    }

    static Map<String, String> sources(int v) {
        Map<String, String> sources = new HashMap<>();
        sources.put("fix.FixTarget", """
                package fix;
                public final class FixTarget {
                    public static void main(String[] args) throws Exception {
                        System.out.println("fix target up");
                        while (true) {
                            System.out.println("tick G=" + Greeter.greet() + " F=" + Farewell.bye());
                            Thread.sleep(20);
                        }
                    }
                }
                """);
        sources.put("fix.Greeter", """
                package fix;
                public final class Greeter {
                    static String greet() {
                        return %s;
                    }
                %s}
                """.formatted(v == 2 ? "\"hello \" + Names.of(\"world\")" : v == 4 ? "Inner.text()" : "\"hello world\"",
                v == 4 ? """
                    static final class Inner {
                        static String text() {
                            return "hello inner";
                        }
                    }
                """ : ""));
        sources.put("fix.Names", names("fix", v == 1 ? "\"OLD\"" : "name.toUpperCase()"));
        sources.put("fix.Farewell", """
                package fix;
                public final class Farewell {
                    static String bye() {
                        return %s;
                    }
                }
                """.formatted(v == 2 ? "\"bye \" + Titles.of()" : v == 3 ? "\"bye for now\"" : "\"bye\""));
        sources.put("other.Base", """
                package other;
                %sclass Base {
                    public Base() {
                    }
                }
                """.formatted(v == 1 ? "" : "public "));
        sources.put("fix.Titles", """
                package fix;
                final class Titles {
                    static String of() {
                        return %s;
                    }
                }
                """.formatted(v == 1 ? "\"OLD\"" : "\"Dr\""));
        if (v == 2) {
            sources.put("fix.Sub", """
                    package fix;
                    public final class Sub extends other.Base {
                    }
                    """);
        }
        return sources;
    }

    /**
     * The same fix in an app of one named module, {@code shop}: {@code App} prints
     * {@code tick hello world} every 20 ms from {@code Greeter}, which in v2 calls a new {@code Names}.
     */
    static Map<String, String> modular(int v) {
        Map<String, String> sources = new HashMap<>();
        sources.put("module-info", "module shop { }");
        sources.put("shop.App", """
                package shop;
                public final class App {
                    public static void main(String[] args) throws Exception {
                        while (true) {
                            System.out.println("tick " + Greeter.greet());
                            Thread.sleep(20);
                        }
                    }
                }
                """);
        sources.put("shop.Greeter", """
                package shop;
                final class Greeter {
                    static String greet() {
                        return %s;
                    }
                }
                """.formatted(v == 2 ? "\"hello \" + Names.of(\"world\")" : "\"hello world\""));
        if (v == 2) {
            sources.put("shop.Names", names("shop", "name.toUpperCase()"));
        }
        return sources;
    }

    private static String names(String pkg, String result) {
        return """
                package %s;
                final class Names {
                    static String of(String name) {
                        return %s;
                    }
                }
                """.formatted(pkg, result);
    }

    /** A jar of {@code classes}, each the class file of that name under {@code versionDir}. */
    static Path jar(Path file, Map<Path, String> classes) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            for (Map.Entry<Path, String> entry : classes.entrySet()) {
                String name = entry.getValue().replace('.', '/') + ".class";
                jar.putNextEntry(new ZipEntry(name));
                jar.write(Files.readAllBytes(LiveCode.classFile(entry.getKey(), entry.getValue())));
                jar.closeEntry();
            }
        }
        return file;
    }
}
