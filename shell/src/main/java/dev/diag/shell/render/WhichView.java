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
            lines.add("  file      " + (copy.resource() == null ? "- (none its loader can find: generated at run time?)"
                    : copy.resource()));
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
