package org.ssaeinspector.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfusionCountsTest {

    @Test
    void ratesFromHandCounts() {
        ConfusionCounts c = new ConfusionCounts(8, 2, 88, 2);
        assertEquals(10, c.positives());
        assertEquals(90, c.negatives());
        assertEquals(10, c.flagged());
        assertEquals(100, c.total());
        assertEquals(0.8, c.tpr(), 1e-15);
        assertEquals(0.8, c.recall(), 1e-15);
        assertEquals(2.0 / 90, c.fpr(), 1e-15);
        assertEquals(2.0 / 90, c.falseRejectRate(), 1e-15);
        assertEquals(0.8, c.precision(), 1e-15);
        assertEquals(0.8, c.f1(), 1e-15);
        assertEquals(0.2, c.missRate(), 1e-15);
        assertEquals(0.96, c.accuracy(), 1e-15);
        ConfusionCounts d = new ConfusionCounts(3, 1, 0, 3);
        assertEquals(0.75, d.precision(), 1e-15);
        assertEquals(0.5, d.recall(), 1e-15);
        assertEquals(0.6, d.f1(), 1e-15); // 2*.75*.5/1.25
    }

    @Test
    void undefinedRatesAreNaN() {
        ConfusionCounts nothingFlagged = new ConfusionCounts(0, 0, 5, 3);
        assertTrue(Double.isNaN(nothingFlagged.precision()));
        assertEquals(0.0, nothingFlagged.recall());
        assertEquals(0.0, nothingFlagged.f1());
        ConfusionCounts onlyGood = new ConfusionCounts(0, 1, 4, 0);
        assertTrue(Double.isNaN(onlyGood.tpr()));
        assertEquals(0.0, onlyGood.f1()); // 0 / (0 + 1 + 0)
        assertTrue(Double.isNaN(new ConfusionCounts(0, 0, 4, 0).f1()));
        assertEquals(0.2, onlyGood.falseRejectRate(), 1e-15);
        assertTrue(Double.isNaN(new ConfusionCounts(0, 0, 0, 0).accuracy()));
    }

    @Test
    void rejectsNegativeCounts() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionCounts(1, -1, 0, 0));
    }
}
