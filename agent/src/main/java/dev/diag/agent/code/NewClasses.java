package dev.diag.agent.code;

import dev.diag.protocol.result.UpgradeProblem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classes of a sent set that the node has not loaded. Each joins the set as a class to
 * define in the loader of the set's loaded classes of its package: a file named by the operator
 * always, a file found in a directory or jar only when a class of the set uses it (directly or
 * through other new classes), so a jar of a whole build defines only what its changed code needs.
 * A new class whose package has no loaded class in the set is refused: nothing says which of
 * the node's loaders should hold it.
 */
final class NewClasses {
    /** A class file of a class the node has not loaded; {@code optional}: found in a directory or jar. */
    record Unloaded(ClassFile file, String source, boolean optional) {
    }

    private NewClasses() {
    }

    /** Adds the new classes that join the set to {@code candidates}; the others to {@code problems} or {@code leftOut}. */
    static void match(List<Unloaded> unloaded, List<Candidate> candidates, List<UpgradeProblem> problems,
            List<String> leftOut) {
        Map<String, Unloaded> byName = new LinkedHashMap<>();
        unloaded.forEach(u -> byName.put(u.file().shape().name(), u));
        Set<String> joining = used(byName, candidates);
        for (Unloaded next : byName.values()) {
            String className = next.file().className();
            if (!joining.contains(next.file().shape().name())) {
                leftOut.add(className);
                continue;
            }
            Class<?> host = host(next.file().shape().packageName(), candidates);
            if (host == null) {
                String pkg = next.file().shape().packageName();
                String packageWords = pkg.isEmpty() ? "the unnamed package" : "package " + Words.className(pkg);
                problems.add(new UpgradeProblem(className, "no_loader", className + " is not loaded in this node, and "
                        + "no loaded class of " + packageWords + " is in the set to give it a class loader; add the "
                        + "loaded classes of " + packageWords + " that use it to the same load"));
                continue;
            }
            candidates.add(Candidate.defining(next.file(), next.source(), host));
        }
    }

    /** The loaded class of the set in {@code pkg} (internal form); null when none. */
    private static Class<?> host(String pkg, List<Candidate> candidates) {
        for (Candidate candidate : candidates) {
            if (!candidate.isNew() && candidate.file().shape().packageName().equals(pkg)) {
                return candidate.target();
            }
        }
        return null;
    }

    /** Internal names of the unloaded classes that join: every file named, and every one a joining class uses. */
    private static Set<String> used(Map<String, Unloaded> unloaded, List<Candidate> candidates) {
        Set<String> joining = new HashSet<>();
        Deque<ClassFile> queue = new ArrayDeque<>();
        candidates.forEach(c -> queue.add(c.file()));
        for (Unloaded u : unloaded.values()) {
            if (!u.optional() && joining.add(u.file().shape().name())) {
                queue.add(u.file());
            }
        }
        while (!queue.isEmpty()) {
            ClassFile file = queue.poll();
            for (String owner : owners(file)) {
                Unloaded found = unloaded.get(owner);
                if (found != null && joining.add(owner)) {
                    queue.add(found.file());
                }
            }
        }
        return joining;
    }

    /** Every class {@code file} names: its supertypes and the owners of what its code uses. */
    private static List<String> owners(ClassFile file) {
        List<String> owners = new ArrayList<>(file.shape().interfaces());
        if (file.shape().superName() != null) {
            owners.add(file.shape().superName());
        }
        file.references().forEach(r -> owners.add(r.owner()));
        return owners;
    }
}
