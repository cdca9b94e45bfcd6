package dev.diag.protocol.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void isZeroBetweenEqualWords() {
        assertEquals(0, EditDistance.between("memory", "memory"));
        assertEquals(0, EditDistance.between("", ""));
    }

    @Test
    void isTheLengthOfTheOtherWordWhenOneIsEmpty() {
        assertEquals(6, EditDistance.between("", "memory"));
        assertEquals(6, EditDistance.between("memory", ""));
    }

    @Test
    void countsOneForEachInsertionDeletionOrSubstitution() {
        assertEquals(1, EditDistance.between("memory", "memry"));
        assertEquals(1, EditDistance.between("memory", "memoryy"));
        assertEquals(1, EditDistance.between("memory", "menory"));
        assertEquals(3, EditDistance.between("kitten", "sitting"));
    }

    @Test
    void countsASwapOfNeighboursAsTwo() {
        assertEquals(2, EditDistance.between("memory", "memroy"));
    }

    @Test
    void isSymmetric() {
        assertEquals(EditDistance.between("flaw", "lawn"), EditDistance.between("lawn", "flaw"));
        assertEquals(2, EditDistance.between("flaw", "lawn"));
    }

    @Test
    void nearestListsOnlyNamesATypoAwayNearestFirst() {
        List<String> names = List.of("VM.flags", "VM.info", "VM.uptime", "Thread.print");
        assertEquals(List.of("VM.flags"), EditDistance.nearest(names, "VM.flag", 3));
        assertEquals(List.of(), EditDistance.nearest(names, "GC.everything", 3));
    }
}
