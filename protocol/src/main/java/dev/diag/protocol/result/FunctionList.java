package dev.diag.protocol.result;

import java.util.List;

/** {@code functions()}: every function the node answers, with its cost; the shell's help(Fn) shows the cost from here. */
public record FunctionList(List<FunctionInfo> functions) {
}
