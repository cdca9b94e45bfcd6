package dev.diag.agent.code;

/**
 * One class of an upgrade set: its new class file, where the bytes came from, and either the
 * loaded class it redefines ({@code target}) or, for a class the node has not loaded, the loaded
 * class of the set in the same package ({@code host}) whose loader it is defined in.
 */
record Candidate(Class<?> target, ClassFile file, String source, Class<?> host) {

    /** A class file for the loaded class {@code target}. */
    Candidate(Class<?> target, ClassFile file, String source) {
        this(target, file, source, null);
    }

    /** A class the node has not loaded, to be defined next to {@code host}. */
    static Candidate defining(ClassFile file, String source, Class<?> host) {
        return new Candidate(null, file, source, host);
    }

    boolean isNew() {
        return target == null;
    }

    String className() {
        return isNew() ? file.className() : target.getName();
    }

    /** The defining loader of the class, now or once defined. */
    ClassLoader loader() {
        return isNew() ? host.getClassLoader() : target.getClassLoader();
    }
}
