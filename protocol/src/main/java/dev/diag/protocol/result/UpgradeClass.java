package dev.diag.protocol.result;

/**
 * One class of an upgrade set. {@code outcome}: {@code redefined}, {@code unchanged} (its new
 * bytes are the ones running), {@code restored} (rollback) or {@code would_redefine} (a check).
 * {@code versionsKept} is how many earlier versions the node now keeps for code:rollback.
 */
public record UpgradeClass(String className, String loader, String source, int bytes, String outcome,
        int versionsKept) {
}
