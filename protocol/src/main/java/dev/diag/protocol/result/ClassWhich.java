package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code code:which(Class)} and {@code code:is_loaded(Class)}: each loaded class of that name (one
 * per defining loader), and, when none is loaded, where the node's class path would find it
 * ({@code classPathResource}, null when nowhere).
 */
public record ClassWhich(String className, boolean loaded, List<LoadedCopy> copies, String classPathResource) {
}
