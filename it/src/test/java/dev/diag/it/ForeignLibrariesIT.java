package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shaded agent lives beside a target's own, different Netty and Jackson without touching them. */
class ForeignLibrariesIT {

    @Test
    void agentServesATargetThatCarriesItsOwnNettyAndJackson() throws Exception {
        String classPath;
        try (Stream<java.nio.file.Path> jars = Files.list(Repo.FOREIGN_LIBS)) {
            classPath = Repo.TEST_CLASSES + File.pathSeparator
                    + jars.map(Object::toString).collect(Collectors.joining(File.pathSeparator));
        }
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm target = TargetJvm.start(Jdks.current(), home, "foreign", "", classPath,
                        "dev.diag.it.fixture.ForeignLibrariesTarget")) {
            DiagCli.Run run = DiagCli.run(home, "--cmd", "memory", "--cmd", "memory(heap)", "--node", "foreign");
            Thread.sleep(300); // let the target use its libraries again after the calls

            assertEquals(0, run.exit(), run::toString);
            String output = target.output();
            assertTrue(output.contains("target jackson 2.13.5") && output.contains("foreign-libs/jackson-databind"),
                    output);
            assertTrue(output.contains("foreign-libs/netty-buffer"), output);
            assertFalse(output.contains("TARGET BROKEN"), output);
            assertTrue(target.isAlive(), output);
        }
    }
}
