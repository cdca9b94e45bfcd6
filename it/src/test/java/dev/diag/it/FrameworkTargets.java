package dev.diag.it;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A target running a real framework (logback, ...) from {@link Repo#frameworksClassPath()}, as
 * node {@code name}: with the agent from the start, or started plain and injected with
 * {@code bin/diag inject} once it says {@code ready}.
 */
final class FrameworkTargets {
    private FrameworkTargets() {
    }

    /**
     * The two ways each framework's test runs, for {@code @MethodSource("dev.diag.it.FrameworkTargets#ways")}:
     * the agent at start-up on the default JDK, and injected later into a JDK 21+ target.
     */
    static Stream<Arguments> ways() {
        return Stream.of(Arguments.of("agent at start-up, JDK 17", false), Arguments.of("injected, JDK 21+", true));
    }

    /** The java of {@link #ways()}: a JDK 21+ (or a skip) to inject into, else the one running the tests. */
    static Path java(boolean injectIntoModern) {
        return injectIntoModern ? Jdks.requireModern() : Jdks.current();
    }

    static TargetJvm start(Path java, DiagHomeDir home, String name, boolean inject, String mainClass, String ready)
            throws Exception {
        return start(java, home, name, inject, Repo.frameworksClassPath(), mainClass, ready);
    }

    /** The same with a class path of the test's own (another version of the framework). */
    static TargetJvm start(Path java, DiagHomeDir home, String name, boolean inject, String classPath, String mainClass,
            String ready) throws Exception {
        if (!inject) {
            TargetJvm target = TargetJvm.start(java, home, name, "", classPath, mainClass);
            awaitOutput(target, ready);
            return target;
        }
        TargetJvm plain = TargetJvm.startPlain(java, home, classPath, mainClass);
        try {
            awaitOutput(plain, ready);
            DiagCli.Run injected = DiagCli.run(home, "inject", Long.toString(plain.pid()), "--name", name);
            if (injected.exit() != 0) {
                throw new AssertionError("inject failed: " + injected);
            }
            return plain;
        } catch (Exception | AssertionError e) {
            plain.close();
            throw e;
        }
    }

    static void awaitOutput(TargetJvm target, String ready) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!target.output().contains(ready)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the target never said '" + ready + "':\n" + target.output());
            }
            Thread.sleep(50);
        }
    }
}
