package dev.diag.protocol.result;

import java.util.Optional;

/** The kinds {@code memory(Kind)} accepts, shared so the shell can complete them. */
public enum MemoryKind {
    TOTAL("resident set of the process"),
    HEAP("heap in use"),
    NON_HEAP("non-heap pools in use"),
    METASPACE("metaspace in use"),
    CODE_CACHE("code cache in use"),
    DIRECT("direct byte buffers"),
    MAPPED("memory-mapped buffers"),
    STACKS("thread stack estimate"),
    NATIVE("Native Memory Tracking summary, by category");

    private final String meaning;

    MemoryKind(String meaning) {
        this.meaning = meaning;
    }

    public String atom() {
        return Atoms.of(this);
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<MemoryKind> of(String atom) {
        return Atoms.parse(MemoryKind.class, atom);
    }

    public static String atoms() {
        return Atoms.list(MemoryKind.class);
    }
}
