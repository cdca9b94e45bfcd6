package dev.diag.protocol.result;

/**
 * One class of an upgrade set. {@code outcome}: {@code redefined}, {@code defined} (a class the node
 * had not loaded), {@code unchanged} (its new bytes are the ones running), {@code restored}
 * (rollback), {@code left_defined} (a rollback of a class diag defined: it stays, unused), or
 * {@code would_redefine} and {@code would_define} (a check).
 * {@code versionsKept} is how many earlier versions the node now keeps for code:rollback.
 */
public record UpgradeClass(String className, String loader, String source, int bytes, String outcome,
        int versionsKept) {
}
