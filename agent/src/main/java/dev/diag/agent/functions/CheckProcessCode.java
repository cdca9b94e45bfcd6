package dev.diag.agent.functions;

import dev.diag.agent.code.CodeLoader;
import dev.diag.agent.code.LoadedClasses;
import dev.diag.agent.code.ProcessCodeScan;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.ProcessCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code check_process_code(Class)}: which threads have frames of the class on their stacks right
 * now, with those frames. A frame that began before the class was redefined finishes the old
 * version of its method (a thread parked in it keeps the old body until it returns), while every
 * new call runs the new one. All stacks come from one bulk call ({@link ProcessCodeScan}).
 */
final class CheckProcessCode extends FunctionBase {
    static final int MAX_THREADS = 500;

    private final CodeLoader code;

    CheckProcessCode(CodeLoader code) {
        super(Declaration.CHECK_PROCESS_CODE);
        this.code = code;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        List<String> names = ClassArgs.names(args, 0);
        Set<String> classes = new LinkedHashSet<>(names);
        ProcessCodeScan.Result scan = ProcessCodeScan.scan(classes, MAX_THREADS);
        List<String> notes = new ArrayList<>();
        Long redefinedAt = null;
        if (code.unavailable() == null) {
            LoadedClasses loaded = code.loaded();
            for (String name : classes) {
                List<Class<?>> copies = loaded.named(name);
                if (copies.isEmpty()) {
                    notes.add(name + " is not loaded.");
                }
                for (Class<?> copy : copies) {
                    Long at = code.redefinedAt(copy);
                    if (at != null && (redefinedAt == null || at > redefinedAt)) {
                        redefinedAt = at;
                    }
                }
            }
        }
        if (scan.matched() > scan.threads().size()) {
            notes.add((scan.matched() - scan.threads().size()) + " more threads run its code (at most " + MAX_THREADS
                    + " are listed).");
        }
        return new ProcessCode(names, scan.threads(), scan.scanned(), scan.pauseMicros(), redefinedAt,
                notes.isEmpty() ? null : String.join(" ", notes));
    }
}
