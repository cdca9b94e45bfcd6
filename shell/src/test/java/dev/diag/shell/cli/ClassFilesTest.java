package dev.diag.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFilesTest {
    @TempDir
    Path dir;

    @Test
    void takesNamedFilesInOrderAndEveryClassFileOfADirectoryAsOptional() throws Exception {
        Path named = Files.write(dir.resolve("Z.class"), new byte[] {1, 2, 3});
        Path tree = Files.createDirectories(dir.resolve("tree/p"));
        Files.write(tree.resolve("B.class"), new byte[] {4});
        Files.write(tree.resolve("A.class"), new byte[] {5});
        Files.writeString(tree.resolve("notes.txt"), "not a class");

        List<ClassFiles.Found> found = ClassFiles.collect(List.of(named, dir.resolve("tree")));

        assertEquals(List.of(named, tree.resolve("A.class"), tree.resolve("B.class")),
                found.stream().map(ClassFiles.Found::path).toList());
        assertEquals(List.of(false, true, true), found.stream().map(ClassFiles.Found::optional).toList());
        ArrayNode argument = ClassFiles.argument(found);
        assertEquals(named.toString(), argument.get(0).get("source").asText());
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), toList(Base64.getDecoder().decode(argument.get(0).get("bytes").asText())));
        assertFalse(argument.get(0).get("optional").asBoolean());
        assertTrue(argument.get(1).get("optional").asBoolean());
    }

    @Test
    void takesEveryClassOfAJarAsOptionalButNotItsMetaInfNorTheJarsNestedInIt() throws Exception {
        Path jar = jar("patch.jar", "p/B.class", "META-INF/versions/21/p/B.class", "module-info.class", "lib/lib.jar",
                "p/A.class");

        List<ClassFiles.Found> found = ClassFiles.collect(List.of(jar));

        assertEquals(List.of(jar + "!/p/A.class", jar + "!/p/B.class"), found.stream().map(ClassFiles.Found::source).toList());
        assertTrue(found.stream().allMatch(ClassFiles.Found::optional));
        ArrayNode argument = ClassFiles.argument(found);
        assertEquals(List.of((byte) "p/B.class".length()), toList(Base64.getDecoder().decode(argument.get(1).get("bytes").asText())));
    }

    @Test
    void takesOnlyTheAppsOwnClassesOfABootJarOrAWar() throws Exception {
        Path boot = jar("app.jar", "org/springframework/boot/loader/launch/JarLauncher.class", "BOOT-INF/lib/lib.jar",
                "BOOT-INF/classes/p/A.class");
        Path war = jar("shop.war", "WEB-INF/lib/lib.jar", "WEB-INF/classes/p/W.class", "p/Stray.class");

        assertEquals(List.of(boot + "!/BOOT-INF/classes/p/A.class", war + "!/WEB-INF/classes/p/W.class"),
                ClassFiles.collect(List.of(boot, war)).stream().map(ClassFiles.Found::source).toList());
    }

    /** A jar whose entries are named {@code names}, each holding one byte: the length of its name. */
    private Path jar(String file, String... names) throws java.io.IOException {
        Path jar = dir.resolve(file);
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            for (String name : names) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.write(name.length());
                zip.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void refusesAMissingFileAndAnEmptyDirectoryAsUsage() throws Exception {
        DiagException missing = assertThrows(DiagException.class, () -> ClassFiles.collect(List.of(dir.resolve("nope"))));
        assertEquals(ExitCode.USAGE, missing.exit());
        Files.createDirectories(dir.resolve("empty"));
        DiagException empty = assertThrows(DiagException.class, () -> ClassFiles.collect(List.of(dir.resolve("empty"))));
        assertTrue(empty.getMessage().startsWith("there are no .class files under "), empty.getMessage());
    }

    @Test
    void refusesASetThatCannotTravelInOneFrameAndSaysWhy() throws Exception {
        Path big = Files.write(dir.resolve("Big.class"), new byte[13 * 1024 * 1024]);

        DiagException e = assertThrows(DiagException.class,
                () -> ClassFiles.argument(List.of(new ClassFiles.Found(big, false))));

        assertEquals(ExitCode.USAGE, e.exit());
        assertTrue(e.getMessage().startsWith("the class file comes to 13.0 MiB, 17.3 MiB as base64 in one request: "
                + "more than one frame carries (16 MiB, the node's default max-frame=)"), e.getMessage());
    }

    private static List<Byte> toList(byte[] bytes) {
        List<Byte> list = new java.util.ArrayList<>();
        for (byte b : bytes) {
            list.add(b);
        }
        return list;
    }
}
