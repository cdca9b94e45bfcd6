package dev.diag.protocol.result;

/**
 * Why an upgrade set cannot load, one class and one fact at a time, in plain words.
 * {@code kind} is one of: {@code schema} (a change the JVM cannot redefine), {@code missing_member}
 * (new code uses a method or field that neither the set nor the node has), {@code missing_class},
 * {@code access}, {@code not_loaded}, {@code no_loader} (a new class whose package has no loaded
 * class in the set), {@code ambiguous}, {@code bad_class_file}, {@code too_new},
 * {@code duplicate}, {@code unmodifiable}, {@code no_class_file}, {@code no_version}, and
 * {@code refused_by_jvm} (the JVM's own check when it defines the set's new classes or inside
 * redefineClasses, which the preflight did not foresee).
 */
public record UpgradeProblem(String className, String kind, String message) {
}
