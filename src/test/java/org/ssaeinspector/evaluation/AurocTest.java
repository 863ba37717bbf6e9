package org.ssaeinspector.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AurocTest {

    @Test
    void handComputedWithTies() {
        // positives 0.9, 0.8; negatives 0.8, 0.3 -> (1 + 1 + 0.5 + 1) / 4
        assertEquals(0.875, Auroc.of(new float[] {0.8f, 0.9f, 0.3f, 0.8f}, new boolean[] {false, true, false, true}), 1e-15);
        assertEquals(0.875, Auroc.ofGroups(new float[] {0.3f, 0.8f}, new float[] {0.9f, 0.8f}), 1e-15);
        assertEquals(0.5, Auroc.ofGroups(new float[] {1, 1, 1}, new float[] {1, 1}), 0);
    }

    @Test
    void perfectAndInvertedSeparation() {
        assertEquals(1.0, Auroc.ofGroups(new float[] {1, 2, 3}, new float[] {4, 5}), 0);
        assertEquals(0.0, Auroc.ofGroups(new float[] {4, 5}, new float[] {1, 2, 3}), 0);
    }

    @Test
    void negativeAndPositiveZeroAreOneValue() {
        assertEquals(0.5, Auroc.ofGroups(new float[] {-0.0f}, new float[] {0.0f}), 0);
        assertEquals(0.5, Auroc.ofGroups(new float[] {0.0f, -0.0f}, new float[] {-0.0f, 0.0f}), 0);
    }

    @Test
    void matchesRocCurveOnRandomDataWithManyTies() {
        Random rnd = new Random(5);
        for (int round = 0; round < 10; round++) {
            int n = 20000;
            float[] s = new float[n];
            double[] d = new double[n];
            boolean[] p = new boolean[n];
            for (int i = 0; i < n; i++) {
                p[i] = rnd.nextInt(5) == 0;
                s[i] = (rnd.nextInt(30 + round * 10) + (p[i] ? 6 : 0)) * 0.1f;
                d[i] = s[i];
            }
            double expected = RocCurve.of(d, p).auc();
            assertTrue(expected > 0.55 && expected < 0.99, "test data not informative: " + expected);
            assertEquals(expected, Auroc.of(s, p), 1e-12);
        }
    }

    @Test
    void millionsOfValuesStayExact() {
        // 2 million values on 256 levels: each positive level v beats the negatives below it.
        int n = 2_000_000;
        float[] s = new float[n];
        boolean[] p = new boolean[n];
        Random rnd = new Random(1);
        long[] negPerLevel = new long[256];
        long[] posPerLevel = new long[256];
        for (int i = 0; i < n; i++) {
            p[i] = i % 50 == 0;
            int level = Math.min(255, rnd.nextInt(200) + (p[i] ? 56 : 0));
            s[i] = level / 255f;
            (p[i] ? posPerLevel : negPerLevel)[level]++;
        }
        double twice = 0;
        long below = 0;
        long pos = 0;
        for (int level = 0; level < 256; level++) {
            twice += posPerLevel[level] * (2.0 * below + negPerLevel[level]);
            below += negPerLevel[level];
            pos += posPerLevel[level];
        }
        double expected = twice / (2.0 * pos * below);
        assertEquals(expected, Auroc.of(s, p), 1e-12);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Auroc.of(new float[] {1, 2}, new boolean[] {true, true}));
        assertThrows(IllegalArgumentException.class, () -> Auroc.of(new float[] {1, 2}, new boolean[] {false, false}));
        assertThrows(IllegalArgumentException.class, () -> Auroc.of(new float[] {1, 2}, new boolean[] {false}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Auroc.of(new float[] {1, Float.NaN}, new boolean[] {false, true}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Auroc.ofSorted(new float[] {2, 1}, new float[] {3}));
        assertTrue(e.getMessage().contains("not sorted"), e.getMessage());
    }
}
