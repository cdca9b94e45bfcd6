package dev.diag.protocol.result;

import java.util.List;

/**
 * The answer of {@code code:load_file}, {@code l}, {@code code:load_binary}, {@code code:rollback}
 * and {@code code:check_upgrade}: the classes of one set and what became of them.
 * {@code action} is {@code loaded}, {@code rolled_back} or {@code checked}; {@code passed} is
 * false only for a check that found {@code problems} (a load with problems is refused with an
 * error instead, and nothing changes). {@code keepMicros} is how long keeping the running versions
 * took (one retransformClasses call), {@code redefineMicros} how long the one
 * {@code redefineClasses} call took; each null when no such call was made. {@code notes} say what the
 * preflight could not check, or which classes were left as they were.
 */
public record UpgradeReport(String action, boolean passed, List<UpgradeClass> classes, List<UpgradeProblem> problems,
        Long keepMicros, Long redefineMicros, List<String> notes) {
}
