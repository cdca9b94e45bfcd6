package dev.diag.it;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDKs on this machine: the one running the tests (JDK 17 here) and, for tests that need
 * virtual threads or a JDK 25 target, the newest JDK 21+ found under /usr/lib/jvm (or named by
 * DIAG_TEST_JDK21). Found from the machine, never from a hard-coded path.
 */
public final class Jdks {
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private Jdks() {
    }

    /**
     * The JDK 21+ a test needs, or a skip where the machine has none; where DIAG_REQUIRE_JDK21 is
     * set (CI), a missing one fails the test instead of skipping it.
     */
    public static Path requireModern() {
        Optional<Path> modern = modern();
        if (modern.isEmpty() && System.getenv("DIAG_REQUIRE_JDK21") != null) {
            throw new AssertionError("DIAG_REQUIRE_JDK21 is set but no JDK 21+ was found under /usr/lib/jvm");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(modern.isPresent(), "no JDK 21+ on this machine");
        return modern.get();
    }

    public static Path current() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** A java executable of feature release 21 or later, if this machine has one. */
    public static Optional<Path> modern() {
        String named = System.getenv("DIAG_TEST_JDK21");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named, "bin", "java"));
        }
        Path best = null;
        int bestVersion = 20;
        try (DirectoryStream<Path> homes = Files.newDirectoryStream(Path.of("/usr/lib/jvm"))) {
            for (Path home : homes) {
                int version = featureVersion(home);
                if (version > bestVersion && Files.isExecutable(home.resolve("bin/java"))) {
                    best = home.resolve("bin/java");
                    bestVersion = version;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(best);
    }

    private static int featureVersion(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
