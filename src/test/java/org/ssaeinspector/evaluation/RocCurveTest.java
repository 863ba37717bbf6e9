package org.ssaeinspector.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocCurveTest {

    @Test
    void handComputedCurveWithATieAcrossClasses() {
        // 0.9 P, 0.8 N, 0.8 P, 0.3 N: the two 0.8 items form one diagonal step.
        RocCurve roc = RocCurve.of(new double[] {0.8, 0.9, 0.3, 0.8}, new boolean[] {false, true, false, true});
        assertArrayEquals(new double[] {0, 0, 0.5, 1}, roc.fpr(), 1e-15);
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, roc.tpr(), 1e-15);
        assertArrayEquals(new double[] {0.9, 0.8, 0.3, Math.nextDown(0.3)}, roc.thresholds(), 0);
        // Mann-Whitney: (1 + 1 + 0.5 + 1) / 4
        assertEquals(0.875, roc.auc(), 1e-15);
        assertEquals(2, roc.positives());
        assertEquals(2, roc.negatives());
    }

    @Test
    void allTiedGivesOneDiagonalSegmentNotAStaircase() {
        RocCurve roc = RocCurve.of(new double[] {0.5, 0.5, 0.5, 0.5, 0.5},
                new boolean[] {true, false, true, false, false});
        assertEquals(2, roc.size());
        assertArrayEquals(new double[] {0, 1}, roc.fpr(), 0);
        assertArrayEquals(new double[] {0, 1}, roc.tpr(), 0);
        assertEquals(0.5, roc.auc(), 1e-15);
    }

    @Test
    void perfectSeparation() {
        RocCurve roc = RocCurve.of(new double[] {1, 2, 3, 10, 11}, new boolean[] {false, false, false, true, true});
        assertEquals(1.0, roc.auc(), 0);
        // After flagging both positives (threshold 3) the curve is at (0, 1).
        assertEquals(0.0, roc.fpr(2), 0);
        assertEquals(1.0, roc.tpr(2), 0);
        assertEquals(3.0, roc.threshold(2), 0);
    }

    @Test
    void invertedSeparation() {
        RocCurve roc = RocCurve.of(new double[] {1, 2, 3, 10, 11}, new boolean[] {true, true, false, false, false});
        assertEquals(0.0, roc.auc(), 0);
    }

    @Test
    void everyPointIsReproducedByFlaggingAboveItsThreshold() {
        Random rnd = new Random(7);
        int n = 500;
        double[] s = new double[n];
        boolean[] p = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = rnd.nextInt(3) == 0;
            s[i] = rnd.nextInt(40) + (p[i] ? 8 : 0); // many ties
        }
        RocCurve roc = RocCurve.of(s, p);
        for (int k = 0; k < roc.size(); k++) {
            double t = roc.threshold(k);
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < n; i++) {
                if (s[i] > t) {
                    if (p[i]) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            assertEquals((double) fp / roc.negatives(), roc.fpr(k), 1e-15, "fpr at point " + k);
            assertEquals((double) tp / roc.positives(), roc.tpr(k), 1e-15, "tpr at point " + k);
        }
        assertEquals(0, roc.fpr(0));
        assertEquals(1, roc.fpr(roc.size() - 1));
        assertEquals(1, roc.tpr(roc.size() - 1));
    }

    @Test
    void aucEqualsBruteForceMannWhitneyOnRandomDataWithTies() {
        Random rnd = new Random(11);
        for (int round = 0; round < 20; round++) {
            int n = 50 + rnd.nextInt(300);
            double[] s = new double[n];
            boolean[] p = new boolean[n];
            for (int i = 0; i < n; i++) {
                p[i] = rnd.nextBoolean();
                s[i] = rnd.nextInt(1 + round) + (p[i] ? rnd.nextInt(3) : 0);
            }
            p[0] = true;
            p[1] = false;
            assertEquals(mannWhitney(s, p), RocCurve.of(s, p).auc(), 1e-12);
        }
    }

    static double mannWhitney(double[] s, boolean[] p) {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (p[i] && !p[j]) {
                    pairs++;
                    sum += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        return sum / pairs;
    }

    @Test
    void rejectsMissingClassesNaNAndLengthMismatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RocCurve.of(new double[] {1, 2}, new boolean[] {false, false}));
        assertTrue(e.getMessage().contains("no positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new double[] {1, 2}, new boolean[] {true, true}));
        assertTrue(e.getMessage().contains("no negative"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RocCurve.of(new double[] {1, Double.NaN}, new boolean[] {true, false}));
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RocCurve.of(new double[] {1, 2}, new boolean[] {true}));
    }

    @Test
    void thinningDropsOnlyCollinearPointsWhenThatIsEnough() {
        // 3000 distinct positives all above 3000 distinct negatives: 6001 points on two lines.
        int n = 3000;
        double[] s = new double[2 * n];
        boolean[] p = new boolean[2 * n];
        for (int i = 0; i < n; i++) {
            s[i] = i;
            s[n + i] = n + i;
            p[n + i] = true;
        }
        RocCurve roc = RocCurve.of(s, p);
        assertEquals(2 * n + 1, roc.size());
        RocCurve thin = roc.thinned(2000);
        assertArrayEquals(new double[] {0, 0, 1}, thin.fpr(), 0);
        assertArrayEquals(new double[] {0, 1, 1}, thin.tpr(), 0);
        assertEquals(n - 1, thin.threshold(1), 0); // flag everything above the best negative (2999)
        assertEquals(1.0, thin.auc(), 0);
    }

    @Test
    void thinningKeepsEndsMonotonicityAndBoundedDeviation() {
        Random rnd = new Random(3);
        int n = 20000;
        double[] s = new double[n];
        boolean[] p = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = rnd.nextBoolean();
            s[i] = rnd.nextGaussian() + (p[i] ? 1.0 : 0.0);
        }
        RocCurve roc = RocCurve.of(s, p);
        assertTrue(roc.size() > 15000);
        int max = 500;
        RocCurve thin = roc.thinned(max);
        assertTrue(thin.size() <= max && thin.size() > max / 2, "size " + thin.size());
        assertEquals(roc.auc(), thin.auc(), 0);
        assertEquals(0, thin.fpr(0));
        assertEquals(0, thin.tpr(0));
        assertEquals(1, thin.fpr(thin.size() - 1));
        assertEquals(1, thin.tpr(thin.size() - 1));
        for (int i = 1; i < thin.size(); i++) {
            assertTrue(thin.fpr(i) >= thin.fpr(i - 1) && thin.tpr(i) >= thin.tpr(i - 1));
            assertTrue(thin.threshold(i) < thin.threshold(i - 1));
        }
        // Every original point lies within one path step of the kept segment around it.
        double step = 2.0 / (max - 1);
        int k = 0;
        for (int i = 0; i < roc.size(); i++) {
            while (k + 1 < thin.size() && thin.threshold(k + 1) >= roc.threshold(i)) {
                k++;
            }
            int next = Math.min(k + 1, thin.size() - 1);
            double d = distanceToSegment(roc.fpr(i), roc.tpr(i), thin.fpr(k), thin.tpr(k), thin.fpr(next), thin.tpr(next));
            assertTrue(d <= step + 1e-12, "point " + i + " is " + d + " from the kept curve");
        }
        // A trapezoid over the thinned points stays close to the exact area.
        double area = 0;
        for (int i = 1; i < thin.size(); i++) {
            area += (thin.fpr(i) - thin.fpr(i - 1)) * (thin.tpr(i) + thin.tpr(i - 1)) / 2;
        }
        assertEquals(roc.auc(), area, 2e-3);
    }

    static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
        return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    }

    @Test
    void thinningAShortCurveReturnsItAndRejectsTooFewPoints() {
        RocCurve roc = RocCurve.of(new double[] {1, 2, 3}, new boolean[] {false, true, false});
        assertSame(roc, roc.thinned(10));
        assertThrows(IllegalArgumentException.class, () -> roc.thinned(1));
        RocCurve two = roc.thinned(2);
        assertEquals(2, two.size());
        assertEquals(0, two.fpr(0));
        assertEquals(1, two.tpr(1));
    }
}
