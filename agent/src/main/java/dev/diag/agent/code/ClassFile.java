package dev.diag.agent.code;

import java.util.List;

/**
 * A class file of an upgrade set, read once with ASM: its shape (what the JVM compares with the
 * loaded class), everything its code uses in other classes, and its class file version.
 */
record ClassFile(ClassShape shape, List<Reference> references, int majorVersion, String sourceFile, byte[] bytes) {

    /** The class's name as Java writes it: {@code com.example.Foo$Bar}. */
    String className() {
        return Words.className(shape.name());
    }
}
