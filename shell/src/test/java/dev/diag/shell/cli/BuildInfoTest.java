package dev.diag.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuildInfoTest {

    @Test
    void versionLinesNameDiagItsCommitAndTheJvm() {
        assertEquals(List.of("diag 0.1.0 (commit 27b77b3a5784-dirty)",
                        "java 17.0.15+6, OpenJDK 64-Bit Server VM, /usr/lib/jvm/jdk-17"),
                new BuildInfo("0.1.0", "27b77b3a5784-dirty")
                        .versionLines("17.0.15+6", "OpenJDK 64-Bit Server VM", "/usr/lib/jvm/jdk-17"));
    }

    @Test
    void theBuildRecordsThisModulesVersionAndACommit() {
        BuildInfo recorded = BuildInfo.load();
        // shell/pom.xml writes the resource at generate-resources, before these tests run
        assertTrue(recorded.version().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), recorded.toString());
        assertTrue(recorded.commit().matches("[0-9a-f]{12}(-dirty)?|unknown"), recorded.toString());
    }
}
