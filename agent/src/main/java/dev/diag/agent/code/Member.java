package dev.diag.agent.code;

/** A field or method as the JVM names it: name, descriptor ({@code (I)Ljava/lang/String;}) and access flags. */
record Member(String name, String descriptor, int access) {
}
