package dev.diag.agent.code;

/** One class of an upgrade set: the loaded class to redefine, its new class file, and where the bytes came from. */
record Candidate(Class<?> target, ClassFile file, String source) {

    String className() {
        return target.getName();
    }
}
