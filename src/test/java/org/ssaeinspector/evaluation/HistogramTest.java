package org.ssaeinspector.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ssaeinspector.dataset.Label;

class HistogramTest {
    private static final Label G = Label.GOOD;
    private static final Label D = Label.DEFECTIVE;
    private static final Label U = Label.UNKNOWN;

    @Test
    void handBinnedWithEdgesAndClamping() {
        // Range [0, 1] in 4 bins of 0.25: [0,.25) [.25,.5) [.5,.75) [.75,1]
        Histogram h = Histogram.of(new double[] {0.0, 0.1, 0.25, 0.5, 0.6, 1.0, 0.74, -3, 7},
                new Label[] {G, G, G, D, D, D, U, G, D}, 4, 0, 1);
        assertEquals(4, h.bins());
        assertEquals(0.25, h.binWidth(), 0);
        assertArrayEquals(new int[] {3, 1, 0, 0}, h.goodCounts());     // 0, .1, -3 | .25
        assertArrayEquals(new int[] {0, 0, 2, 2}, h.defectiveCounts()); // .5 .6 | 1.0 7
        assertArrayEquals(new int[] {0, 0, 1, 0}, h.unknownCounts());
        assertEquals(3, h.maxCount());
        assertEquals(0.5, h.binStart(2), 0);
        assertEquals(0.75, h.binEnd(2), 0);
        assertEquals(1.0, h.binEnd(3), 0);
        assertEquals(3, h.binOf(Double.POSITIVE_INFINITY));
        assertEquals(0, h.binOf(Double.NEGATIVE_INFINITY));
    }

    @Test
    void automaticRangeCoversTheScores() {
        Histogram h = Histogram.of(new double[] {2, 4, 6, 10}, new Label[] {G, G, D, D}, 4);
        assertEquals(2, h.min(), 0);
        assertEquals(10, h.max(), 0);
        assertArrayEquals(new int[] {1, 1, 0, 0}, h.goodCounts());
        assertArrayEquals(new int[] {0, 0, 1, 1}, h.defectiveCounts()); // 6 in [6,8), 10 in [8,10]
        Histogram flat = Histogram.of(new double[] {3, 3}, new Label[] {G, D}, 2);
        assertEquals(2.5, flat.min(), 0);
        assertEquals(3.5, flat.max(), 0);
        assertEquals(1, flat.good(1));
        assertEquals(1, flat.defective(1));
        Histogram none = Histogram.of(new double[0], new Label[0], 3);
        assertEquals(0, none.maxCount());
    }

    /** The washer's spread: goods near 0 to 10, defects 12 to 40, one big defect at 254. */
    static double[] washerLike() {
        double[] s = new double[40];
        for (int i = 0; i < 20; i++) {
            s[i] = -9.45 + i;
            s[20 + i] = 12 + 1.5 * i;
        }
        s[39] = 254;
        return s;
    }

    @Test
    void anOutlierIsCutFromTheRangeAndCountedInTheLastBin() {
        double[] s = washerLike();
        Label[] labels = new Label[s.length];
        for (int i = 0; i < s.length; i++) {
            labels[i] = i < 20 ? G : D;
        }
        double[] range = Histogram.clippedRange(s, -10, 260);
        assertEquals(-10, range[0], 0, "the low end has no outlier: the given end stays");
        assertTrue(range[1] > 39 && range[1] < 45, "cut just above the last ordinary score, 39: " + range[1]);
        Histogram h = Histogram.of(s, labels, 40, range[0], range[1]);
        assertEquals(1, h.above());
        assertEquals(0, h.below());
        assertEquals(1, h.defective(39), "the last bar is the overflow, 254 alone");
        assertTrue(h.binOf(39) < 39, "39 is in an ordinary bar before it");
        long usedBins = java.util.stream.IntStream.range(0, 40).filter(b -> h.good(b) + h.defective(b) > 0).count();
        assertTrue(usedBins > 25, "the scores spread over the bars: " + usedBins);
        // Without outliers nothing is cut.
        double[] plain = java.util.Arrays.copyOf(s, 39);
        assertArrayEquals(new double[] {-10, 45}, Histogram.clippedRange(plain, -10, 45), 0);
        assertArrayEquals(new double[] {0, 1}, Histogram.clippedRange(new double[] {0, 100, 1}, 0, 1), 0,
                "too few scores to call one an outlier");
    }

    @Test
    void rejectsBadArguments() {
        double[] s = {1};
        Label[] l = {G};
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(s, l, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(s, l, 4, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(s, l, 4, 0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(s, new Label[2], 4, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new double[] {Double.NaN}, l, 4, 0, 1));
    }
}
