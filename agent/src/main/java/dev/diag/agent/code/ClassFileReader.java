package dev.diag.agent.code;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads a class file with ASM's visitor API into a {@link ClassFile}: members, supertypes, and
 * every class, field and method its code uses (instructions, method handles in constants and
 * bootstrap arguments, caught exception types), each with the method and line it is used at.
 * Stack map frames are skipped; nothing is kept of the code itself. About 0.1 ms for a class of
 * a few KiB.
 *
 * <pre>
 * ClassFile file = ClassFileReader.read(bytes);   // IllegalArgumentException: not a class file
 * </pre>
 */
final class ClassFileReader extends ClassVisitor {
    /** The newest class file version this JVM runs: 61 on Java 17. */
    static final int JVM_MAJOR = Runtime.version().feature() + 44;

    private String name;
    private String superName;
    private List<String> interfaces = List.of();
    private int access;
    private int majorVersion;
    private String nestHost;
    private String sourceFile;
    private final List<Member> fields = new ArrayList<>();
    private final List<Member> methods = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();

    private ClassFileReader() {
        super(Opcodes.ASM9);
    }

    /** The class file version of {@code bytes}, or -1 when they do not start like a class file. */
    static int majorVersion(byte[] bytes) {
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0xca || (bytes[1] & 0xff) != 0xfe
                || (bytes[2] & 0xff) != 0xba || (bytes[3] & 0xff) != 0xbe) {
            return -1;
        }
        return ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
    }

    /** Reads {@code bytes}; throws IllegalArgumentException (with ASM's reason) when they are not a readable class file. */
    static ClassFile read(byte[] bytes) {
        ClassFileReader visitor = new ClassFileReader();
        try {
            new ClassReader(bytes).accept(visitor, ClassReader.SKIP_FRAMES);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) { // a truncated or corrupt file: ASM indexes past the end
            throw new IllegalArgumentException("the class file is cut short or corrupt: compile it again, or copy it whole", e);
        }
        String host = visitor.nestHost;
        ClassShape shape = new ClassShape(visitor.name, visitor.superName, visitor.interfaces, visitor.access,
                visitor.fields, visitor.methods, () -> host, ClassShape.Origin.NEW, null);
        return new ClassFile(shape, List.copyOf(visitor.references), visitor.majorVersion, visitor.sourceFile, bytes);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.majorVersion = version & 0xffff;
        this.access = access & 0xffff; // drop ASM's pseudo flags (deprecated, record)
        this.name = name;
        this.superName = superName;
        this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
        this.sourceFile = source;
    }

    @Override
    public void visitNestHost(String host) {
        this.nestHost = host;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        fields.add(new Member(name, descriptor, access & 0xffff));
        return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        methods.add(new Member(name, descriptor, access & 0xffff));
        return new Uses(Words.method(name, descriptor));
    }

    /** Collects what one method's code uses, with the line each use is on. */
    private final class Uses extends MethodVisitor {
        private final String from;
        private int line = -1;

        Uses(String from) {
            super(Opcodes.ASM9);
            this.from = from;
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            this.line = line;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            typeUse(Type.getObjectType(type));
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            typeUse(Type.getType(descriptor));
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) {
                typeUse(Type.getObjectType(type));
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            boolean isStatic = opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC;
            add(isStatic ? Reference.Kind.STATIC_FIELD : Reference.Kind.FIELD, owner, name, descriptor, false);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            Reference.Kind kind = switch (opcode) {
                case Opcodes.INVOKESTATIC -> Reference.Kind.STATIC;
                case Opcodes.INVOKESPECIAL -> Reference.Kind.SPECIAL;
                default -> Reference.Kind.VIRTUAL;
            };
            if (owner.startsWith("[")) {
                return; // clone() of an array: nothing to look up
            }
            add(kind, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            handle(bootstrap);
            constants(arguments);
        }

        @Override
        public void visitLdcInsn(Object value) {
            constants(value);
        }

        private void constants(Object... values) {
            for (Object value : values) {
                if (value instanceof Handle handle) {
                    handle(handle);
                } else if (value instanceof Type type && type.getSort() != Type.METHOD) {
                    typeUse(type);
                } else if (value instanceof ConstantDynamic constant) {
                    handle(constant.getBootstrapMethod());
                    for (int i = 0; i < constant.getBootstrapMethodArgumentCount(); i++) {
                        constants(constant.getBootstrapMethodArgument(i));
                    }
                }
            }
        }

        private void handle(Handle handle) {
            Reference.Kind kind = switch (handle.getTag()) {
                case Opcodes.H_GETFIELD, Opcodes.H_PUTFIELD -> Reference.Kind.FIELD;
                case Opcodes.H_GETSTATIC, Opcodes.H_PUTSTATIC -> Reference.Kind.STATIC_FIELD;
                case Opcodes.H_INVOKESTATIC -> Reference.Kind.STATIC;
                case Opcodes.H_INVOKESPECIAL, Opcodes.H_NEWINVOKESPECIAL -> Reference.Kind.SPECIAL;
                default -> Reference.Kind.VIRTUAL;
            };
            add(kind, handle.getOwner(), handle.getName(), handle.getDesc(), handle.isInterface());
        }

        private void typeUse(Type type) {
            Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
            if (element.getSort() == Type.OBJECT) {
                add(Reference.Kind.CLASS, element.getInternalName(), null, null, false);
            }
        }

        private void add(Reference.Kind kind, String owner, String name, String descriptor, boolean isInterface) {
            references.add(new Reference(kind, owner, name, descriptor, isInterface, from, line));
        }
    }
}
