package dev.diag.agent.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent answers calls without ever building Jackson's ObjectMapper: building it (some 400
 * classes, its date formats and locales) was most of a fresh node's first call. The calls run in a
 * class loader of their own, which loads every class of the agent, the protocol and Jackson anew,
 * so what it has loaded afterwards is what the calls needed.
 */
class AnswersWithoutDataBindingTest {
    /**
     * Loaded by ObjectMapper's static initialiser (its default settings' date format) and by
     * nothing the agent needs; the ObjectMapper class itself may be loaded, never initialised, by
     * the verifier checking a method that mentions it.
     */
    private static final String BUILT_BY_A_MAPPER = "com.fasterxml.jackson.databind.util.StdDateFormat";

    @Test
    void answersRepliesStreamsAndErrorsWithoutLoadingAnObjectMapper() throws Exception {
        try (FreshLoader loader = new FreshLoader()) {
            Runnable calls = (Runnable) loader.loadClass(CallsInAFreshLoader.class.getName())
                    .getDeclaredConstructor().newInstance();
            calls.run();

            assertTrue(loader.hasLoaded("dev.diag.protocol.message.RecordJson"), "the calls did not run in the fresh loader");
            assertFalse(loader.hasLoaded(BUILT_BY_A_MAPPER), () -> "a call built an ObjectMapper (its date format loaded):" + loader.mapperLoadedBy);
        }
    }

    /** The check itself can fail: the configured mapper, touched in such a loader, shows as loaded. */
    @Test
    void seesAnObjectMapperOnceOneIsBuilt() throws Exception {
        try (FreshLoader loader = new FreshLoader()) {
            assertFalse(loader.hasLoaded(BUILT_BY_A_MAPPER));
            Class.forName("dev.diag.protocol.message.Json", true, loader);
            assertTrue(loader.hasLoaded(BUILT_BY_A_MAPPER));
        }
    }

    /** This test's class path, loaded anew: nothing is shared with the test's own classes but the JDK's. */
    private static final class FreshLoader extends URLClassLoader {
        FreshLoader() throws MalformedURLException {
            super("fresh", classPath(), ClassLoader.getPlatformClassLoader());
        }

        private volatile String mapperLoadedBy = "";

        /** Where the mapper's date format was first asked for: the failure's message names the culprit. */
        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.equals(BUILT_BY_A_MAPPER) && mapperLoadedBy.isEmpty()) {
                StringBuilder stack = new StringBuilder();
                for (StackTraceElement frame : new Throwable().getStackTrace()) {
                    if (frame.getClassName().startsWith("dev.diag.") || frame.getClassName().startsWith("com.fasterxml.")) {
                        stack.append("\n  at ").append(frame);
                    }
                }
                mapperLoadedBy = stack.toString();
            }
            return super.findClass(name);
        }

        boolean hasLoaded(String name) {
            return findLoadedClass(name) != null;
        }

        private static URL[] classPath() throws MalformedURLException {
            String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<URL> urls = new ArrayList<>();
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            return urls.toArray(URL[]::new);
        }

        @Override
        public void close() throws IOException {
            super.close();
        }
    }
}
