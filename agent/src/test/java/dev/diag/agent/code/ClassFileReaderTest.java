package dev.diag.agent.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassFileReaderTest {

    @Test
    void readsMembersAndEveryUseWithItsMethodAndLine() throws Exception {
        Path dir = Sources.compile(Map.of("p.User", """
                package p;
                public class User {
                    private int count;
                    public String run(String s) {
                        java.util.function.Function<String, Integer> length = String::length;
                        count++;
                        return new StringBuilder(s).append(length.apply(s)).toString();
                    }
                }
                """));

        ClassFile file = ClassFileReader.read(Sources.classFile(dir, "p.User"));

        assertEquals("p.User", file.className());
        assertEquals("User.java", file.sourceFile());
        assertEquals(61, file.majorVersion());
        assertEquals(List.of("count"), file.shape().fields().stream().map(Member::name).toList());
        List<String> uses = file.references().stream()
                .map(r -> r.kind() + " " + r.owner() + "." + r.name() + " @" + r.from() + ":" + r.line()).toList();
        assertTrue(uses.contains("VIRTUAL java/lang/String.length @run(String):5"), uses.toString());
        assertTrue(uses.contains("STATIC java/lang/invoke/LambdaMetafactory.metafactory @run(String):5"), uses.toString());
        assertTrue(uses.contains("FIELD p/User.count @run(String):6"), uses.toString());
        assertTrue(uses.contains("CLASS java/lang/StringBuilder.null @run(String):7"), uses.toString());
        assertTrue(uses.contains("SPECIAL java/lang/StringBuilder.<init> @run(String):7"), uses.toString());
    }

    @Test
    void tellsAClassFileByItsMagicAndVersion() {
        assertEquals(-1, ClassFileReader.majorVersion("not a class".getBytes()));
        assertEquals(70, ClassFileReader.majorVersion(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe,
                0, 0, 0, 70, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> ClassFileReader.read(new byte[] {(byte) 0xca, (byte) 0xfe,
                (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61, 0, 9, 1}));
    }

    @Test
    void saysACutShortClassFileIsCutShortWithoutAJavaClassName() throws Exception {
        Path dir = Sources.compile(Map.of("p.Whole", "package p; public class Whole { int n; void run() { n++; } }"));
        byte[] whole = Sources.classFile(dir, "p.Whole");
        for (int length = 10; length < whole.length; length += 7) {
            byte[] cut = java.util.Arrays.copyOf(whole, length);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ClassFileReader.read(cut));
            assertTrue(!refused.getMessage().contains("Exception") && !refused.getMessage().contains("java."),
                    length + " bytes: " + refused.getMessage());
        }
    }
}
