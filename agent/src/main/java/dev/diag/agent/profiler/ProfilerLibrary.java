package dev.diag.agent.profiler;

import dev.diag.agent.probe.Reasons;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import one.profiler.AsyncProfiler;

/**
 * Loads async-profiler's native library into this JVM, once, on the first profile() call: the
 * agent jar carries the libraries of the platforms async-profiler builds for (linux-x64,
 * linux-arm64, macOS); the one for this OS and architecture is copied into a new directory only
 * this user may read, loaded, and both deleted at once (a loaded library needs no file, and a crash
 * leaves none behind). A JVM cannot unload a library, so it stays loaded until the JVM ends; a later
 * call (another session, a fresh agent: the agent's classes stay loaded after stop()) finds the
 * instance already bound to it and extracts nothing. Another copy of async-profiler in the process
 * (the application's, Arthas's) is refused first, every call: it may have been loaded since.
 *
 * <pre>
 * AsyncProfiler profiler = ProfilerLibrary.load();   // or ProfilerUnavailableException, one sentence
 * </pre>
 */
public final class ProfilerLibrary {
    private static final String FILE = "libasyncProfiler.so";

    private ProfilerLibrary() {
    }

    public static AsyncProfiler load() throws ProfilerUnavailableException {
        return load(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    static AsyncProfiler load(String osName, String osArch) throws ProfilerUnavailableException {
        String platform = platform(osName, osArch);
        if (platform == null) {
            throw new ProfilerUnavailableException("async-profiler has no native library for " + osName + " on "
                    + osArch + " (it is built for Linux x64, Linux arm64 and macOS), so this node cannot be profiled");
        }
        Optional<String> foreign = ForeignProfiler.loadedIn(Paths.get("/proc/self/maps"),
                System.getProperty("java.home", "/nonexistent"));
        if (foreign.isPresent()) {
            throw new ProfilerUnavailableException("another async-profiler is loaded in this JVM (" + foreign.get()
                    + ", the application's or another tool's such as Arthas), and two would fight over the same signals, "
                    + "so diag does not load its own; profile with that one");
        }
        AsyncProfiler loaded = alreadyLoaded();
        if (loaded != null) {
            return loaded;
        }
        Path dir = null;
        Path library = null;
        try {
            dir = privateDirectory();
            library = dir.resolve(FILE);
            try (InputStream in = ProfilerLibrary.class.getResourceAsStream("/" + platform + "/" + FILE)) {
                if (in == null) {
                    throw new ProfilerUnavailableException("this agent jar lacks async-profiler's library for "
                            + platform + "; rebuild the agent");
                }
                Files.copy(in, library);
            }
            return AsyncProfiler.getInstance(library.toString());
        } catch (IOException e) {
            throw new ProfilerUnavailableException("the node could not write async-profiler's library to a private "
                    + "directory under " + System.getProperty("java.io.tmpdir") + " (" + Reasons.of(e) + ")");
        } catch (UnsatisfiedLinkError e) {
            throw new ProfilerUnavailableException(LoadFailure.sentence(platform, Reasons.of(e), LoadFailure.muslHere(),
                    System.getProperty("java.io.tmpdir")));
        } finally {
            deleteQuietly(library);
            deleteQuietly(dir);
        }
    }

    /**
     * async-profiler's instance of this class if its library is loaded already, else null. Read from
     * its private field, so a second call does not extract the file again. A later async-profiler
     * that renamed the field gets null here, and an extraction that {@code getInstance} then ignores
     * (it returns the instance it has).
     */
    static AsyncProfiler alreadyLoaded() {
        try {
            Field instance = AsyncProfiler.class.getDeclaredField("instance");
            instance.setAccessible(true);
            return (AsyncProfiler) instance.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The folder in async-profiler's jar with the library for this OS and architecture, or null for none. */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "macos"; // one universal library for x64 and arm64
        }
        if (!os.contains("linux")) {
            return null;
        }
        return switch (arch) {
            case "amd64", "x86_64" -> "linux-x64";
            case "aarch64", "arm64" -> "linux-arm64";
            default -> null;
        };
    }

    static Path privateDirectory() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory("diag-profiler-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory("diag-profiler-");
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // the directory is private and named diag-profiler-*: left behind, it harms no one
        }
    }
}
