package dev.diag.agent.code;

import java.util.Arrays;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * Whether a class file sent is the version a class runs now. The JVM hands back the running
 * version as the file it was given when it kept that file, and otherwise rebuilds one from what it
 * loaded: the same class, but its constant pool and attributes may come in another order. So two
 * files are the same when their bytes are, or when ASM writes them out alike (one pass each,
 * constant pool and attributes in ASM's own order). A difference this misses only costs a
 * redefinition of the same code.
 */
final class SameClass {
    private SameClass() {
    }

    static boolean same(byte[] running, byte[] sent) {
        if (Arrays.equals(running, sent)) {
            return true;
        }
        try {
            return Arrays.equals(canonical(running), canonical(sent));
        } catch (RuntimeException e) {
            return false; // one of them ASM cannot read: treat as changed, the JVM decides
        }
    }

    private static byte[] canonical(byte[] bytes) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(bytes).accept(writer, 0);
        return writer.toByteArray();
    }
}
