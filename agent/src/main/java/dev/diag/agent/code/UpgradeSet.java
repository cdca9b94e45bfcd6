package dev.diag.agent.code;

import dev.diag.protocol.result.UpgradeClass;
import dev.diag.protocol.result.UpgradeProblem;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;

/**
 * The classes of one upgrade as they were named or sent, before the preflight: a candidate for
 * each class that could be matched to a loaded class, and a problem for each that could not (not
 * loaded, loaded twice, not a class file, compiled for a newer Java, given twice, no class file),
 * with the class list they were matched against. Built three ways: from class names and the class
 * files their loaders find now (l), from class files sent (bin/diag load), from kept versions
 * (rollback).
 */
final class UpgradeSet {
    private final LoadedClasses loaded;
    private final Instrumentation instrumentation;
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<UpgradeProblem> problems = new ArrayList<>();
    private final Map<String, String> sources = new HashMap<>();
    private final List<String> leftOut = new ArrayList<>();
    private final List<UpgradeClass> leftDefined = new ArrayList<>();

    private UpgradeSet(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
        this.loaded = LoadedClasses.of(instrumentation);
    }

    /** Loaded classes by name, each with its class file as its defining loader finds it now. */
    static UpgradeSet fromClassPath(List<String> classNames, Instrumentation instrumentation) {
        UpgradeSet set = new UpgradeSet(instrumentation);
        for (String className : classNames) {
            Class<?> target = set.loadedOne(className);
            if (target == null) {
                continue;
            }
            URL resource = ClassBytes.resource(target.getClassLoader(), Type.getInternalName(target));
            if (resource == null) {
                set.problem(className, "no_class_file", className + " has no class file that "
                        + LoadedClasses.describe(target.getClassLoader()) + " can find (it may have been generated at "
                        + "run time); send its new class file with diag load");
                continue;
            }
            try {
                set.add(set.read(className, ClassBytes.read(resource), resource.toString()), resource.toString());
            } catch (IOException e) {
                set.problem(className, "no_class_file", "cannot read " + resource + ": " + e.getMessage());
            }
        }
        return set;
    }

    /**
     * Class files sent by bin/diag load: each for the loaded class it names, or, for a class the
     * node has not loaded, a new class to define next to the set's classes of its package
     * ({@link NewClasses}).
     */
    static UpgradeSet fromFiles(List<SentFile> files, Instrumentation instrumentation) {
        UpgradeSet set = new UpgradeSet(instrumentation);
        List<NewClasses.Unloaded> unloaded = new ArrayList<>();
        for (SentFile file : files) {
            ClassFile read = set.read(null, file.bytes(), file.source());
            if (read == null) {
                continue;
            }
            if (set.loaded.named(read.className()).isEmpty()) {
                unloaded.add(new NewClasses.Unloaded(read, file.source(), file.optional()));
            } else {
                set.add(read, file.source());
            }
        }
        NewClasses.match(unloaded, set.candidates, set.problems, set.leftOut);
        return set;
    }

    /** The versions {@code classNames} ran before diag last redefined them. */
    static UpgradeSet fromHistory(List<String> classNames, VersionHistory history, Instrumentation instrumentation) {
        UpgradeSet set = new UpgradeSet(instrumentation);
        for (String className : classNames) {
            Class<?> target = set.loadedOne(className);
            if (target == null) {
                continue;
            }
            VersionHistory.Version previous = history.previous(target);
            if (previous == null && history.definedFrom(target) != null) {
                set.leftDefined.add(new UpgradeClass(className, LoadedClasses.describe(target.getClassLoader()),
                        "defined by diag: a JVM cannot undo a class definition", 0, "left_defined", 0));
                continue;
            }
            if (previous == null) {
                set.problem(className, "no_version", "diag keeps no earlier version of " + className
                        + ": it has not redefined it, or every kept version was rolled back already");
                continue;
            }
            String source = "the version replaced at " + Instant.ofEpochMilli(previous.replacedAtMillis());
            set.add(set.read(className, previous.bytes(), source), source);
        }
        return set;
    }

    LoadedClasses loaded() {
        return loaded;
    }

    List<Candidate> candidates() {
        return candidates;
    }

    List<UpgradeProblem> problems() {
        return problems;
    }

    /** Classes a rollback names that diag defined: they have no earlier version and stay defined, unused. */
    List<UpgradeClass> leftDefined() {
        return leftDefined;
    }

    /** Classes of optional files that are not loaded, left out of the set. */
    List<String> leftOut() {
        return leftOut;
    }

    private void problem(String className, String kind, String message) {
        problems.add(new UpgradeProblem(className, kind, message));
    }

    /**
     * Reads the new class file {@code bytes} (from {@code source}); {@code expected} is the class
     * the caller meant, or null when the file says. Null, and a problem, when it cannot be used.
     */
    private ClassFile read(String expected, byte[] bytes, String source) {
        String label = expected != null ? expected : source;
        int major = ClassFileReader.majorVersion(bytes);
        if (major < 0) {
            problem(label, "bad_class_file", source + " is not a class file (it does not start with 0xCAFEBABE)");
            return null;
        }
        if (major > ClassFileReader.JVM_MAJOR) {
            problem(label, "too_new", source + " was compiled for Java " + (major - 44) + " (class file version " + major
                    + "); this node runs Java " + Runtime.version().feature() + ": compile with --release "
                    + Runtime.version().feature());
            return null;
        }
        ClassFile file;
        try {
            file = ClassFileReader.read(bytes);
        } catch (IllegalArgumentException e) {
            problem(label, "bad_class_file", source + " cannot be read as a class file: " + e.getMessage());
            return null;
        }
        String className = file.className();
        if (expected != null && !expected.equals(className)) {
            problem(expected, "bad_class_file", source + " holds class " + className + ", not " + expected);
            return null;
        }
        String earlier = sources.putIfAbsent(className, source);
        if (earlier != null) {
            problem(className, "duplicate", className + " is in the set twice (" + earlier + " and " + source
                    + "); give each class once");
            return null;
        }
        return file;
    }

    /** Adds {@code file} for the loaded class it names (a problem when there is not exactly one). */
    private void add(ClassFile file, String source) {
        if (file == null) {
            return;
        }
        String className = file.className();
        Class<?> target = loadedOne(className);
        if (target == null) {
            return;
        }
        if (!instrumentation.isModifiableClass(target)) {
            problem(className, "unmodifiable", className + " cannot be redefined: the JVM does not allow it for this class");
            return;
        }
        candidates.add(new Candidate(target, file, source));
    }

    /** The one loaded class named {@code className}; null (and a problem) when there is none or more than one. */
    private Class<?> loadedOne(String className) {
        List<Class<?>> copies = loaded.named(className);
        if (copies.isEmpty()) {
            problem(className, "not_loaded", className + " is not loaded in this node: only a loaded class can be "
                    + "reloaded from its class path; send a new class's file with diag load, together with the "
                    + "loaded classes of its package that use it");
            return null;
        }
        if (copies.size() > 1) {
            List<String> loaders = new ArrayList<>();
            copies.forEach(c -> loaders.add(LoadedClasses.describe(c.getClassLoader())));
            problem(className, "ambiguous", className + " is loaded by " + copies.size() + " class loaders ("
                    + String.join(", ", loaders) + "); diag cannot tell which of them to redefine");
            return null;
        }
        return copies.get(0);
    }
}
