package dev.diag.shell.render;

/**
 * Class names as a Java programmer writes them: the JVM's array descriptors ({@code [B},
 * {@code [[I}, {@code [Ljava.lang.Object;}) become {@code byte[]}, {@code int[][]},
 * {@code java.lang.Object[]}; other names are left as they are.
 */
public final class ClassNames {
    private ClassNames() {
    }

    public static String readable(String jvmName) {
        int dims = 0;
        while (dims < jvmName.length() && jvmName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0 || dims == jvmName.length()) {
            return jvmName;
        }
        String element = element(jvmName.substring(dims));
        return element == null ? jvmName : element + "[]".repeat(dims);
    }

    private static String element(String descriptor) {
        if (descriptor.startsWith("L") && descriptor.endsWith(";") && descriptor.length() > 2) {
            return descriptor.substring(1, descriptor.length() - 1);
        }
        if (descriptor.length() != 1) {
            return null;
        }
        return switch (descriptor.charAt(0)) {
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'D' -> "double";
            case 'F' -> "float";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'S' -> "short";
            case 'Z' -> "boolean";
            default -> null;
        };
    }
}
