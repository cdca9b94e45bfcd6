package dev.diag.protocol.result;

/** A lock as the JVM names it: the class of the object and its identity hash, printed {@code <0x1b2c3d>}. */
public record LockRef(String className, int identityHashCode) {
}
