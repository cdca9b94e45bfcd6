package dev.diag.shell.render;

import dev.diag.protocol.result.ClassWhich;
import dev.diag.protocol.result.LoadedCopy;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@code code:which(Class)} (where each loaded copy comes from) and, shorter,
 * {@code code:is_loaded(Class)} (whether, and by which loaders).
 *
 * <pre>
 * shop.Pricing
 *   loader    app
 *   origin    file:/srv/shop/classes/
 *   file      file:/srv/shop/classes/shop/Pricing.class
 *   versions  1 kept for rollback; redefined 2 min ago
 * </pre>
 */
public final class WhichView {
    /** A loader that hands out no class file for the class: a generated class, or a loader that keeps them to itself. */
    static final String NO_CLASS_FILE = "- (its loader gives back no class file for it, as for a class generated at run "
            + "time: l cannot reload it; send a new version with diag load)";

    private WhichView() {
    }

    public static List<String> which(ClassWhich result, long nowMillis, int width) {
        List<String> lines = new ArrayList<>();
        if (!result.loaded()) {
            lines.add(result.className() + " is not loaded; " + (result.classPathResource() == null
                    ? "the node's class path has no class file for it (non_existing)"
                    : "the node's class path would load it from " + result.classPathResource()));
            return lines;
        }
        for (LoadedCopy copy : result.copies()) {
            lines.add(result.className());
            lines.add("  loader    " + copy.loader());
            lines.add("  origin    " + (copy.origin() == null ? "-" : copy.origin()));
            lines.add("  file      " + (copy.resource() == null ? NO_CLASS_FILE : copy.resource()));
            if (copy.definedFrom() != null) {
                lines.add("  defined   by diag load from " + copy.definedFrom() + (copy.resource() == null ? ""
                        : ", not from the file above, which l would read in its place"));
            }
            lines.add("  versions  " + copy.versionsKept() + " kept for rollback"
                    + (copy.redefinedAtMillis() == null ? "; never redefined by diag"
                            : "; redefined " + Units.duration(nowMillis - copy.redefinedAtMillis()) + " ago"));
        }
        return lines;
    }

    public static List<String> isLoaded(ClassWhich result) {
        if (!result.loaded()) {
            return List.of("false: " + result.className() + " is not loaded");
        }
        List<String> loaders = new ArrayList<>();
        result.copies().forEach(c -> loaders.add(c.loader()));
        return List.of("true: " + result.className() + " is loaded by " + String.join(", ", loaders));
    }
}
