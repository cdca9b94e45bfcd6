package dev.diag.agent.trace;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Hooks the chosen methods of one class file ({@link MethodHooks}), in two reads of the bytes:
 * the first finds each method's local count (the call token goes in the slot after), the second
 * writes the class with the hooks. Maxima are recomputed; frames are the class's own, expanded,
 * plus the token, so the writer never loads a class to merge types (as COMPUTE_FRAMES would, from
 * inside a transformer). Constructors, static initializers, abstract and native methods are never
 * hooked. Class files older than Java 6 (no stack map frames) are left alone.
 */
final class Weaver {
    static final int FIRST_VERSION_WITH_FRAMES = Opcodes.V1_6;

    /** Which methods to hook, and a probe for each: -1 when none can be had (the table is full). */
    interface Choice {
        boolean wants(String method, String descriptor, int access);

        int probe(String method, String descriptor);
    }

    private Weaver() {
    }

    /** The class with its chosen methods hooked, or null when none was (nothing to change). */
    static byte[] weave(byte[] original, Choice choice) {
        ClassReader reader = new ClassReader(original);
        if ((reader.readUnsignedShort(6) & 0xFFFF) < (FIRST_VERSION_WITH_FRAMES & 0xFFFF)) {
            return null;
        }
        Map<String, Integer> maxLocals = maxLocals(reader);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        int[] hooked = {0};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (name.startsWith("<") || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0
                        || !choice.wants(name, descriptor, access)) {
                    return next;
                }
                int probe = choice.probe(name, descriptor);
                if (probe < 0) {
                    return next;
                }
                hooked[0]++;
                return new MethodHooks(next, probe, access, descriptor, maxLocals.get(name + descriptor));
            }
        }, ClassReader.EXPAND_FRAMES);
        return hooked[0] == 0 ? null : writer.toByteArray();
    }

    private static Map<String, Integer> maxLocals(ClassReader reader) {
        Map<String, Integer> locals = new HashMap<>();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMaxs(int maxStack, int max) {
                        locals.put(name + descriptor, max);
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return locals;
    }
}
