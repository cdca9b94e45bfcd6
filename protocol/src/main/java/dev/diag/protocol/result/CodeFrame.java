package dev.diag.protocol.result;

/** A stack frame and its depth (0: the frame running now). {@code line} is negative when unknown. */
public record CodeFrame(int depth, String className, String method, String file, int line) {
}
