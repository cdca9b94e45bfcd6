package dev.diag.protocol.result;

import java.util.List;

/** A thread running code of the classes asked about: its top frame, and each frame of those classes with its depth. */
public record ProcessCodeThread(long pid, String name, String state, CodeFrame top, List<CodeFrame> frames) {
}
