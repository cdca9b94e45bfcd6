package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[B | byte[]",
            "[[I | int[][]",
            "[Z | boolean[]",
            "[Ljava.lang.Object; | java.lang.Object[]",
            "[[Ljava.util.HashMap$Node; | java.util.HashMap$Node[][]",
            "java.lang.String | java.lang.String",
            "java.util.regex.Pattern$$Lambda$21/0x80000002d | java.util.regex.Pattern$$Lambda$21/0x80000002d",
            "[Q | [Q",
            "[ | ["})
    void writesArraysAsJavaSourceDoesAndLeavesOtherNamesAlone(String jvm, String readable) {
        assertEquals(readable, ClassNames.readable(jvm));
    }
}
