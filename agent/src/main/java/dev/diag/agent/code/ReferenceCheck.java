package dev.diag.agent.code;

import dev.diag.protocol.result.UpgradeProblem;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every class, field and method the new bytecode of one class uses must exist when that code
 * runs: in the set loaded with it, or in the node (loaded, or a class file its loader finds). A
 * use that would fail is reported once, in words that say where it is and what to do, e.g.
 *
 * <pre>
 * fixture.Pipeline.run() (Pipeline.java:14) calls fixture.Pipeline$Stage.label(int), which the loaded
 * fixture.Pipeline$Stage does not have; load the new fixture.Pipeline$Stage in the same step
 * </pre>
 *
 * Also caught: a static use of an instance member and the reverse, and a private member used
 * from outside its nest or a package-private one from another package (IllegalAccessError).
 * Protected access and class accessibility are left to the JVM.
 */
final class ReferenceCheck {
    private ReferenceCheck() {
    }

    static void check(Candidate candidate, ShapeResolver resolver, List<UpgradeProblem> problems, List<String> notes) {
        ClassFile file = candidate.file();
        ClassLoader loader = candidate.loader();
        String className = candidate.className();
        Set<String> reported = new HashSet<>();
        for (Reference use : file.references()) {
            ShapeResolver.Lookup owner = resolver.lookup(use.owner(), loader);
            String where = Words.where(className, use, file.sourceFile());
            String ownerName = Words.className(use.owner());
            if (owner.shape() == null) {
                if (owner.missing() && reported.add("C" + use.owner())) {
                    problems.add(new UpgradeProblem(className, "missing_class", where + " uses class " + ownerName
                            + ", which is neither in this set nor loaded, and which "
                            + LoadedClasses.describe(loader) + " cannot find"));
                } else if (!owner.missing() && reported.add("U" + use.owner())) {
                    notes.add("could not check what " + className + " uses of " + ownerName + ": " + owner.unreadable());
                }
                continue;
            }
            if (use.kind() == Reference.Kind.CLASS) {
                continue;
            }
            String key = use.kind() + use.owner() + "." + use.name() + use.descriptor();
            if (!reported.contains(key)) {
                UpgradeProblem problem = member(className, use, owner.shape(), file.shape(), resolver, where);
                if (problem != null) {
                    reported.add(key);
                    problems.add(problem);
                }
            }
        }
    }

    /** Null when the use resolves. */
    private static UpgradeProblem member(String className, Reference use, ClassShape owner, ClassShape user,
            ShapeResolver resolver, String where) {
        boolean field = use.kind().isField();
        ShapeResolver.Found found = field ? resolver.field(owner, use.name(), use.descriptor())
                : resolver.method(owner, use.name(), use.descriptor());
        String what = (field ? "field " + Words.className(use.owner()) + "." + use.name()
                : Words.className(use.owner()) + "." + Words.method(use.name(), use.descriptor()));
        String uses = where + (field ? " uses " : " calls ") + what;
        if (found == null) {
            return new UpgradeProblem(className, "missing_member", uses + ", which " + holder(owner) + " does not have"
                    + (owner.origin() == ClassShape.Origin.NEW ? "" : "; load a new "
                            + Words.className(owner.name()) + " that has it in the same step"));
        }
        boolean isStatic = Modifier.isStatic(found.member().access());
        boolean wantsStatic = use.kind() == Reference.Kind.STATIC || use.kind() == Reference.Kind.STATIC_FIELD;
        if (isStatic != wantsStatic) {
            return new UpgradeProblem(className, "missing_member", uses + " as " + (wantsStatic ? "a static" : "an instance")
                    + " member, but " + holder(found.declaredBy()) + " declares it " + (isStatic ? "static" : "not static"));
        }
        ClassShape declarer = found.declaredBy();
        if (declarer.name().equals(user.name())) {
            return null;
        }
        int access = found.member().access();
        if (Modifier.isPrivate(access) && !declarer.nestHost().equals(user.nestHost())) {
            return new UpgradeProblem(className, "access", uses + ", which is private to "
                    + Words.className(declarer.name()) + " and " + Words.className(user.name()) + " is not its nestmate");
        }
        if (!Modifier.isPrivate(access) && !Modifier.isPublic(access) && !Modifier.isProtected(access)
                && !declarer.packageName().equals(user.packageName())) {
            return new UpgradeProblem(className, "access", uses + ", which is package-private to "
                    + Words.className(declarer.packageName()) + " and so out of reach from another package");
        }
        return null;
    }

    /** "the new X in this set", "the loaded X", or "X (not loaded yet)". */
    private static String holder(ClassShape shape) {
        String name = Words.className(shape.name());
        return switch (shape.origin()) {
            case NEW -> "the new " + name + " in this set";
            case LOADED -> "the loaded " + name;
            case CLASS_PATH -> name + " (not loaded yet; its class file on the class path)";
        };
    }
}
