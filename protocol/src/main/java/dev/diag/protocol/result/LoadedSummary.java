package dev.diag.protocol.result;

/**
 * The end of {@code code:all_loaded()}: {@code listed} rows were sent, of {@code loaded} classes
 * in the node (hidden classes and arrays not counted); {@code prefix} is the filter, null for none.
 */
public record LoadedSummary(int listed, int loaded, String prefix) {
}
