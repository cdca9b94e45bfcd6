package dev.diag.protocol.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryKindTest {

    @Test
    void findsEachKindByItsLowerCaseAtom() {
        for (MemoryKind kind : MemoryKind.values()) {
            assertEquals(Optional.of(kind), MemoryKind.of(kind.atom()));
            assertFalse(kind.meaning().isBlank());
        }
        assertEquals(Optional.of(MemoryKind.NON_HEAP), MemoryKind.of("non_heap"));
    }

    @Test
    void findsNothingForAnUnknownOrUpperCaseAtom() {
        assertEquals(Optional.empty(), MemoryKind.of("swap"));
        assertEquals(Optional.empty(), MemoryKind.of("HEAP"));
        assertEquals(Optional.empty(), MemoryKind.of(null));
    }

    @Test
    void listsEveryAtomForHelpAndCompletion() {
        String atoms = MemoryKind.atoms();
        for (MemoryKind kind : MemoryKind.values()) {
            assertTrue(atoms.contains(kind.atom()), atoms);
        }
        assertTrue(atoms.startsWith("total, heap"), atoms);
    }
}
