package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live code loading in a Spring Boot executable jar ({@link BootJar}), on JDK 17 and a JDK 21+,
 * whose classes Boot's own class loader reads from jars nested in the jar: code:which names the
 * nested class file; l(Class) reloads the controller after the jar is replaced on disk by a
 * rebuilt one; diag load of the rebuilt jar sends its app classes, of which only the controller
 * changes.
 */
class SpringBootLoadIT {
    private static final String NODE = "boot";

    @ParameterizedTest(name = "on JDK {0}")
    @ValueSource(strings = {"17", "21+"})
    void theControllerOfABootJarReloadsFromTheRebuiltJar(String jdk) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path jar = BootJar.build(home.path(), 1);
            Path rebuilt = BootJar.build(home.path(), 2);
            Path java = jdk.equals("17") ? Jdks.current() : Jdks.requireModern();
            try (TargetJvm target = TargetJvm.start(java, home, NODE, "", jar.toString(), BootJar.LAUNCHER)) {
                target.awaitLine("tick C=v1 L=lib");

                JsonNode controller = which(home, "boot.Controller");
                String nested = "jar:nested:" + jar.toUri().getPath() + "/!BOOT-INF/classes/!/boot/Controller.class";
                assertEquals(nested, controller.get("resource").asText(), controller::toString);
                assertTrue(controller.get("loader").asText().startsWith("org.springframework.boot.loader.launch.LaunchedClassLoader@"),
                        controller::toString);
                JsonNode library = which(home, "bootlib.Label");
                assertTrue(library.get("resource").asText().endsWith("/!BOOT-INF/lib/lib-v1.jar!/bootlib/Label.class"),
                        library::toString);

                // the rebuilt jar takes the old one's place, as a deployment would put it; then l(Class)
                Path patch = Files.copy(rebuilt, home.path().resolve("patch.jar"));
                Files.move(rebuilt, jar, StandardCopyOption.REPLACE_EXISTING);
                DiagCli.Run load = DiagCli.run(home, "--node", NODE, "--cmd", "l(boot.Controller)");
                assertEquals(0, load.exit(), load::toString);
                assertTrue(load.out().contains("boot.Controller  redefined"), load::toString);
                target.awaitLine("tick C=v2 L=lib");

                DiagCli.Run back = DiagCli.run(home, "--node", NODE, "--cmd", "code:rollback(boot.Controller)");
                assertEquals(0, back.exit(), back::toString);
                target.awaitLine("tick C=v1 L=lib");

                // the rebuilt Boot jar sent as a patch: its app classes only, and only the controller differs
                DiagCli.Run sent = DiagCli.run(home, "load", "--node", NODE, patch.toString());
                assertEquals(0, sent.exit(), sent::toString);
                assertTrue(sent.out().startsWith("loaded 1 class in one step"), sent::toString);
                assertTrue(sent.out().contains("; 1 unchanged"), sent::toString);
                assertTrue(sent.out().lines().anyMatch(l -> l.matches("boot\\.App +unchanged .*")), sent::toString);
                target.awaitLine("tick C=v2 L=lib");
            }
        }
    }

    private static JsonNode which(DiagHomeDir home, String className) throws Exception {
        return new NodeCalls(home, NODE).json("code:which(" + className + ")").get(0).get("result").get("copies").get(0);
    }
}
