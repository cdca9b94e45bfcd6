package dev.diag.agent.code;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Java sources compiled while a test runs (javax.tools), into a directory of class files: two
 * versions of the same classes, one to load and one to load over it.
 */
final class Sources {
    private Sources() {
    }

    /** Compiles {@code sources} (class name to source text) into a new temporary directory. */
    static Path compile(Map<String, String> sources, Path... classPath) throws IOException {
        Path out = Files.createTempDirectory("diag-code-test");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<SimpleJavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        }));
        List<String> options = new ArrayList<>(List.of("--release", "17", "-g", "-d", out.toString()));
        if (classPath.length > 0) {
            options.add("-cp");
            options.add(String.join(java.io.File.pathSeparator, java.util.Arrays.stream(classPath).map(Path::toString).toList()));
        }
        StringWriter errors = new StringWriter();
        if (!compiler.getTask(errors, null, null, options, null, units).call()) {
            throw new IllegalStateException("test sources do not compile:\n" + errors);
        }
        return out;
    }

    /** A fresh loader of the classes in {@code dir}, parented by the test's own. */
    static URLClassLoader loader(Path dir) throws IOException {
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, Sources.class.getClassLoader());
    }

    static byte[] classFile(Path dir, String className) throws IOException {
        return Files.readAllBytes(dir.resolve(className.replace('.', '/') + ".class"));
    }
}
