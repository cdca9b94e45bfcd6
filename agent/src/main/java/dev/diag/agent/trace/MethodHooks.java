package dev.diag.agent.trace;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Injects the calls of {@code dev.diag.spy.TraceSpy} into one method: at entry the probe's
 * {@code enter} and one {@code argument} call per parameter, before each return {@code returned},
 * and around the whole body a catch-all handler that reports the throwable and throws it on.
 * No branch is added, so the body's stack map frames stay valid once the call token's local (a
 * slot past every local the method used, {@code tokenSlot}) is added to each of them; the class
 * is read with expanded frames for that. The added code calls only the spy, which never throws.
 */
final class MethodHooks extends MethodVisitor {
    static final String SPY = "dev/diag/spy/TraceSpy";
    private static final String OBJECT = "java/lang/Object";

    private final int probe;
    private final boolean isStatic;
    private final Type[] parameters;
    private final Type returnType;
    private final int tokenSlot;
    private final Label start = new Label();
    private final Label handler = new Label();

    MethodHooks(MethodVisitor next, int probe, int access, String descriptor, int tokenSlot) {
        super(Opcodes.ASM9, next);
        this.probe = probe;
        this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
        this.parameters = Type.getArgumentTypes(descriptor);
        this.returnType = Type.getReturnType(descriptor);
        this.tokenSlot = tokenSlot;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        super.visitLdcInsn(probe);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, SPY, "enter", "(I)Ljava/lang/Object;", false);
        super.visitVarInsn(Opcodes.ASTORE, tokenSlot);
        int slot = isStatic ? 0 : 1;
        for (int i = 0; i < parameters.length; i++) {
            Type type = parameters[i];
            super.visitVarInsn(Opcodes.ALOAD, tokenSlot);
            super.visitLdcInsn(i);
            super.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, SPY, "argument",
                    "(Ljava/lang/Object;I" + spyType(type).getDescriptor() + ")V", false);
            slot += type.getSize();
        }
        super.visitLabel(start);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            if (opcode == Opcodes.RETURN) {
                super.visitVarInsn(Opcodes.ALOAD, tokenSlot);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, SPY, "returned", "(Ljava/lang/Object;)V", false);
            } else {
                super.visitInsn(returnType.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP);
                super.visitVarInsn(Opcodes.ALOAD, tokenSlot);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, SPY, "returned",
                        "(" + spyType(returnType).getDescriptor() + "Ljava/lang/Object;)V", false);
            }
        }
        super.visitInsn(opcode);
    }

    /** Every frame of the body also holds the call token, an Object, in its slot. */
    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        Object[] locals = withToken(local, numLocal);
        super.visitFrame(type, locals.length, locals, numStack, stack);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        Label end = new Label();
        super.visitLabel(end);
        // last in the exception table, so the body's own handlers are tried first
        super.visitTryCatchBlock(start, end, handler, null);
        super.visitLabel(handler);
        Object[] entry = entryLocals();
        super.visitFrame(Opcodes.F_NEW, entry.length, entry, 1, new Object[] {"java/lang/Throwable"});
        super.visitInsn(Opcodes.DUP);
        super.visitVarInsn(Opcodes.ALOAD, tokenSlot);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, SPY, "threw", "(Ljava/lang/Throwable;Ljava/lang/Object;)V", false);
        super.visitInsn(Opcodes.ATHROW);
        super.visitMaxs(maxStack, maxLocals); // recomputed: the writer computes maxs
    }

    /**
     * The handler's locals: nothing but the token. Every slot below it is TOP, which any value is
     * assignable to, so the frame fits every instruction of the body whatever it stored where.
     */
    private Object[] entryLocals() {
        return withToken(new Object[0], 0);
    }

    /** {@code local} (frame entries: a long or double is one entry, two slots) padded with TOP up to the token's slot. */
    private Object[] withToken(Object[] local, int numLocal) {
        int slots = 0;
        int entries = 0;
        for (int i = 0; i < numLocal; i++) {
            Object entry = local[i];
            slots += entry == Opcodes.LONG || entry == Opcodes.DOUBLE ? 2 : 1;
            entries++;
            if (slots >= tokenSlot) {
                break;
            }
        }
        Object[] out = new Object[entries + Math.max(0, tokenSlot - slots) + 1];
        System.arraycopy(local, 0, out, 0, entries);
        for (int i = entries; i < out.length - 1; i++) {
            out[i] = Opcodes.TOP;
        }
        out[out.length - 1] = OBJECT;
        return out;
    }

    /** The spy overload taking {@code type}: primitives as themselves, references as Object. */
    private static Type spyType(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY ? Type.getType(Object.class) : type;
    }
}
