package dev.diag.it;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The code CodeLoadingIT loads into a live target, compiled while the test runs (javax.tools), one
 * directory per version. Version 1 is the target's class path. A loop thread prints a line every
 * 20 ms, {@code tick T=one P=A1+B1 C=1}, from three classes that the versions change:
 * <ul>
 * <li>{@code Ticker.tick()}: v2 changes its body ("two");
 * <li>{@code Pipeline.run()} calls the nested {@code Pipeline.Stage.describe()}: v2 changes both
 *     bodies (A2+B2); v3's run calls {@code Stage.label()}, a private static method only v3's Stage
 *     has (nestmates may call each other's private methods);
 * <li>{@code Counter}: v2 adds a field, which no JVM can redefine.
 * </ul>
 * A thread named "parker" sits parked inside {@code Parker.hold()}; v2 changes hold's body.
 */
final class LiveCode {
    static final String MAIN = "live.LiveTarget";

    private static final String TARGET = """
            package live;
            public final class LiveTarget {
                public static void main(String[] args) throws Exception {
                    Thread parker = new Thread(Parker::hold, "parker");
                    parker.setDaemon(true);
                    parker.start();
                    System.out.println("live target up");
                    while (true) {
                        System.out.println("tick T=" + Ticker.tick() + " P=" + Pipeline.run() + " C=" + Counter.next());
                        Thread.sleep(20);
                    }
                }
            }
            """;

    private LiveCode() {
    }

    /** The sources of version {@code v} (1, 2 or 3; 3 differs from 1 in Pipeline only). */
    static Map<String, String> sources(int v) {
        Map<String, String> sources = new HashMap<>();
        sources.put("live.LiveTarget", TARGET);
        sources.put("live.Ticker", """
                package live;
                public final class Ticker {
                    static String tick() {
                        return "%s";
                    }
                }
                """.formatted(v == 2 ? "two" : "one"));
        sources.put("live.Pipeline", v == 3 ? """
                package live;
                public final class Pipeline {
                    static String run() {
                        return "A3+" + Stage.label();
                    }
                    static final class Stage {
                        static String describe() {
                            return "B1";
                        }
                        private static String label() {
                            return "B3";
                        }
                    }
                }
                """ : """
                package live;
                public final class Pipeline {
                    static String run() {
                        return "A%1$d+" + Stage.describe();
                    }
                    static final class Stage {
                        static String describe() {
                            return "B%1$d";
                        }
                    }
                }
                """.formatted(v));
        sources.put("live.Counter", """
                package live;
                public final class Counter {
                    %s
                    static int next() {
                        return 1;
                    }
                }
                """.formatted(v == 2 ? "private static int calls;" : ""));
        sources.put("live.Parker", """
                package live;
                import java.util.concurrent.locks.LockSupport;
                public final class Parker {
                    static void hold() {
                        while (true) {
                            LockSupport.park();%s
                        }
                    }
                }
                """.formatted(v == 2 ? "\n                System.out.println(\"unparked\");" : ""));
        return sources;
    }

    /** Compiles version {@code v} into a new directory under {@code parent}. */
    static Path compile(Path parent, int v) throws IOException {
        return compile(parent.resolve("v" + v), sources(v));
    }

    /** Compiles {@code sources} (by class name) into {@code dir}, for Java 17. */
    static Path compile(Path dir, Map<String, String> sources) throws IOException {
        Path out = Files.createDirectories(dir);
        List<SimpleJavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        StringWriter errors = new StringWriter();
        boolean ok = ToolProvider.getSystemJavaCompiler().getTask(errors, null, null,
                List.of("--release", "17", "-g", "-d", out.toString()), null, units).call();
        if (!ok) {
            throw new IllegalStateException("fixture " + dir.getFileName() + " does not compile:\n" + errors);
        }
        return out;
    }

    /** A class file of a compiled version, e.g. {@code classFile(v2, "live.Pipeline$Stage")}. */
    static Path classFile(Path versionDir, String className) {
        return versionDir.resolve(className.replace('.', '/') + ".class");
    }
}
