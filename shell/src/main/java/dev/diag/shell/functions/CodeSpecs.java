package dev.diag.shell.functions;

import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.ClassWhich;
import dev.diag.protocol.result.ProcessCode;
import dev.diag.protocol.result.UpgradeReport;
import dev.diag.shell.render.AllLoadedView;
import dev.diag.shell.render.ProcessCodeView;
import dev.diag.shell.render.UpgradeView;
import dev.diag.shell.render.WhichView;
import java.util.List;
import java.util.Set;

/**
 * The live code loading entries of the shell's table (docs/code-loading.md): code:load_file/1 and
 * its c-module shorthand l/1 (the agent answers both names with one implementation),
 * code:load_binary/1 (what bin/diag load calls), code:check_upgrade/1, code:rollback/1,
 * check_process_code/1, code:which/1, code:is_loaded/1, code:all_loaded/0,1.
 */
final class CodeSpecs {
    private static final Set<String> CODE = Set.of("code");
    private static final String CLASSES = "Class | [Class, ...]";

    private CodeSpecs() {
    }

    static List<FunctionSpec> all() {
        FunctionSpec.Renderer upgrade = (result, width) -> UpgradeView.render(RecordReader.read(result, UpgradeReport.class), width);
        return List.of(
                new FunctionSpec("load_file", 1, 1, CODE, CLASSES,
                        "redefines a loaded class from its class file as the node's class path has it now (the file "
                                + "changed on disk); a list loads in one step; the whole set is checked first "
                                + "(code:check_upgrade) and loads all or nothing; the running version is kept for "
                                + "code:rollback",
                        "code:load_file(com.example.Pricing).   code:load_file([com.example.A, com.example.B]).",
                        upgrade),
                new FunctionSpec("l", 1, 1, Set.of("c"), CLASSES,
                        "code:load_file(Class), as Erlang's c:l(Module)",
                        "l(com.example.Pricing).", upgrade),
                new FunctionSpec("load_binary", 1, 1, CODE, "Files",
                        "loads new class files in one step, checked first, all or nothing; the shell sends them: "
                                + "bin/diag load --node NODE Foo.class Bar.class (or a directory of class files)",
                        "bin/diag load --node orders build/classes/com/example/Pricing.class", upgrade),
                new FunctionSpec("check_upgrade", 1, 1, CODE, CLASSES,
                        "the check alone, changing nothing: schema changes the JVM cannot redefine (fields, methods, "
                                + "hierarchy, modifiers) and every method, field and class the new code uses that "
                                + "neither the set nor the node has, per class in plain words; bin/diag load --check "
                                + "checks class files",
                        "code:check_upgrade([com.example.A, com.example.B]).", upgrade),
                new FunctionSpec("rollback", 1, 1, CODE, CLASSES,
                        "restores the version a class ran before diag last redefined it (up to 4 kept per class); "
                                + "checked like a load",
                        "code:rollback(com.example.Pricing).", upgrade),
                new FunctionSpec("check_process_code", 1, 1, Set.of("erlang", "code"), CLASSES,
                        "which threads have frames of the class on their stacks now, with those frames: they finish "
                                + "the old version of those methods; all stacks in one pause",
                        "check_process_code(com.example.Pricing).",
                        (result, width) -> ProcessCodeView.render(RecordReader.read(result, ProcessCode.class),
                                System.currentTimeMillis(), width)),
                new FunctionSpec("which", 1, 1, CODE, "Class",
                        "where a class comes from: its loader, origin, the class file l(Class) would read, versions "
                                + "kept; for a class not loaded, where the class path would find it",
                        "code:which(com.example.Pricing).",
                        (result, width) -> WhichView.which(RecordReader.read(result, ClassWhich.class),
                                System.currentTimeMillis(), width)),
                new FunctionSpec("is_loaded", 1, 1, CODE, "Class",
                        "whether a class is loaded, and by which loaders",
                        "code:is_loaded(com.example.Pricing).",
                        (result, width) -> WhichView.isLoaded(RecordReader.read(result, ClassWhich.class))),
                new FunctionSpec("all_loaded", 0, 1, CODE, "[Prefix]",
                        "every loaded class with its loader and origin, or those whose names start with Prefix; "
                                + "streamed and paged",
                        "code:all_loaded('com.example').",
                        (result, width) -> List.of(), new AllLoadedView()));
    }
}
