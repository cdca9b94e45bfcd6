package dev.diag.agent.code;

/**
 * Something new bytecode uses in a class, resolved by the JVM when the code first runs: a class
 * ({@code new}, a cast, a catch), a field, or a method by its invoke kind. {@code from} and
 * {@code line} say where in the new class file it is used, for the messages.
 */
record Reference(Kind kind, String owner, String name, String descriptor, boolean ownerIsInterface, String from,
        int line) {

    enum Kind {
        CLASS, FIELD, STATIC_FIELD, VIRTUAL, STATIC, SPECIAL;

        boolean isField() {
            return this == FIELD || this == STATIC_FIELD;
        }
    }
}
