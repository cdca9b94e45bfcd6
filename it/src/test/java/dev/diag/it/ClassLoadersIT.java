package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * code:which and l(Class) for the class loaders of real services, in one target
 * ({@link dev.diag.it.fixture.ClassLoadersTarget}) on JDK 17 and a JDK 21+: Tomcat's webapp class
 * loader (the real embedded Tomcat) and a plain URLClassLoader give back the class file they
 * loaded, and l reloads each after it changed on disk; a loader that keeps its bytes to itself is
 * named in one sentence, by code:which and by a refused l.
 */
class ClassLoadersIT {
    private static final String NODE = "loaders";

    @ParameterizedTest(name = "on JDK {0}")
    @ValueSource(strings = {"17", "21+"})
    void eachLoaderGivesBackItsClassFileOrSaysItHasNone(String jdk) throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            Path webapp = home.path().resolve("shop");
            Path webClasses = LiveCode.compile(webapp.resolve("WEB-INF/classes"), handler("web", 1));
            Path web2 = LiveCode.compile(home.path().resolve("web-v2"), handler("web", 2));
            Path plugin1 = LiveCode.compile(home.path().resolve("plugin-v1"), handler("plugin", 1));
            Path plugin2 = LiveCode.compile(home.path().resolve("plugin-v2"), handler("plugin", 2));
            Path pluginJar = FixCode.jar(home.path().resolve("plugin.jar"), Map.of(plugin1, "plugin.Handler"));
            Path pluginJar2 = FixCode.jar(home.path().resolve("plugin-v2.jar"), Map.of(plugin2, "plugin.Handler"));
            Path made = LiveCode.classFile(LiveCode.compile(home.path().resolve("gen"), handler("gen", 1)), "gen.Handler");
            Path java = jdk.equals("17") ? Jdks.current() : Jdks.requireModern();
            try (TargetJvm target = TargetJvm.start(java, home, NODE, "", Repo.frameworksClassPath(),
                    "dev.diag.it.fixture.ClassLoadersTarget", webapp.toString(), pluginJar.toString(), made.toString())) {
                target.awaitLine("tick W=web1 P=plugin1 G=gen1");

                JsonNode web = which(home, "web.Handler");
                assertTrue(web.get("resource").asText().endsWith("/shop/WEB-INF/classes/web/Handler.class"), web::toString);
                assertTrue(web.get("loader").asText().contains("WebappClassLoader"), web::toString);
                JsonNode plugin = which(home, "plugin.Handler");
                assertEquals("jar:" + pluginJar.toUri().toURL() + "!/plugin/Handler.class", plugin.get("resource").asText(),
                        plugin::toString);
                assertTrue(plugin.get("loader").asText().startsWith("plugins@"), plugin::toString);

                // a generated class: no class file to give back, said in one sentence, by which and by l
                DiagCli.Run generated = DiagCli.run(home, "--node", NODE, "--cmd", "code:which(gen.Handler)");
                assertEquals(0, generated.exit(), generated::toString);
                assertTrue(generated.out().contains("  file      - (its loader gives back no class file for it, as for a "
                        + "class generated at run time: l cannot reload it; send a new version with diag load)"),
                        generated::toString);
                DiagCli.Run noFile = DiagCli.run(home, "--node", NODE, "--cmd", "l(gen.Handler)");
                assertEquals(1, noFile.exit(), noFile::toString);
                assertTrue(noFile.err().contains("gen.Handler has no class file that generated@"), noFile::toString);
                assertTrue(noFile.err().contains("can find (it may have been generated at run time); send its new class "
                        + "file with diag load"), noFile::toString);

                // both change on disk (the plugin jar replaced as a deployment would); one l reloads both in one step
                Files.copy(LiveCode.classFile(web2, "web.Handler"), LiveCode.classFile(webClasses, "web.Handler"),
                        StandardCopyOption.REPLACE_EXISTING);
                Files.move(pluginJar2, pluginJar, StandardCopyOption.REPLACE_EXISTING);
                DiagCli.Run load = DiagCli.run(home, "--node", NODE, "--cmd", "l([web.Handler, plugin.Handler])");
                assertEquals(0, load.exit(), load::toString);
                assertTrue(load.out().startsWith("loaded 2 classes in one step"), load::toString);
                target.awaitLine("tick W=web2 P=plugin2 G=gen1");
            }
        }
    }

    /** {@code pkg.Handler}, whose handle() answers {@code pkg} and {@code v}. */
    private static Map<String, String> handler(String pkg, int v) {
        return Map.of(pkg + ".Handler", """
                package %s;
                public final class Handler {
                    static String handle() {
                        return "%s%d";
                    }
                }
                """.formatted(pkg, pkg, v));
    }

    private static JsonNode which(DiagHomeDir home, String className) throws Exception {
        return new NodeCalls(home, NODE).json("code:which(" + className + ")").get(0).get("result").get("copies").get(0);
    }
}
