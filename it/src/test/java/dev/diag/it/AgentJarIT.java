package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The packaged agent jar as the target JVM reads it: every entry stored, so loading the agent's
 * classes at start needs no inflater (agent/build/StoreEntries.java; what it saves is measured by
 * bench/footprint), and still an agent jar with its manifest.
 */
class AgentJarIT {
    @Test
    void everyEntryIsStoredNotDeflated() throws Exception {
        try (JarFile jar = new JarFile(Repo.AGENT_JAR.toFile())) {
            List<String> deflated = jar.stream().filter(e -> e.getMethod() != ZipEntry.STORED).map(ZipEntry::getName).toList();
            assertEquals(List.of(), deflated);
            assertTrue(jar.stream().filter(e -> e.getName().endsWith(".class")).count() > 500, "the agent's classes are in it");
            assertEquals("dev.diag.agent.AgentMain", jar.getManifest().getMainAttributes().getValue("Premain-Class"));
            assertEquals("dev.diag.agent.AgentMain", jar.getManifest().getMainAttributes().getValue("Agent-Class"));
        }
    }
}
