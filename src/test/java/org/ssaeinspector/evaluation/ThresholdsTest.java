package org.ssaeinspector.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private static double[] shuffledOneTo(int n, long seed) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = i + 1;
        }
        Random rnd = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    private static int flagged(double[] scores, double threshold) {
        int c = 0;
        for (double s : scores) {
            if (s > threshold) {
                c++;
            }
        }
        return c;
    }

    @Test
    void twentyHeldOutImagesAtOnePercentFlagNone() {
        double[] good = shuffledOneTo(20, 1);
        double t = Thresholds.forFalseRejectRate(good, 0.01);
        assertEquals(20.0, t, 0);
        assertEquals(0, flagged(good, t));
    }

    @Test
    void rateGivesTheFlooredNumberOfFlaggedImages() {
        double[] good = shuffledOneTo(20, 2);
        assertEquals(19.0, Thresholds.forFalseRejectRate(good, 0.05), 0); // k = 1
        assertEquals(1, flagged(good, Thresholds.forFalseRejectRate(good, 0.05)));
        assertEquals(18.0, Thresholds.forFalseRejectRate(good, 0.1), 0);  // k = 2
        assertEquals(19.0, Thresholds.forFalseRejectRate(good, 0.099), 0); // floor(1.98) = 1
        assertEquals(20.0, Thresholds.forFalseRejectRate(good, 0.0), 0);
        assertEquals(1.0, Thresholds.forFalseRejectRate(good, 0.99), 0); // k = 19: all but the lowest
    }

    @Test
    void floatingPointProductsDoNotLoseAnImage() {
        double[] good = shuffledOneTo(100, 3);
        // 0.29 * 100 = 28.999999999999996 in doubles: still 29 images may be flagged.
        double t = Thresholds.forFalseRejectRate(good, 0.29);
        assertEquals(29, flagged(good, t));
        assertEquals(71.0, t, 0);
    }

    @Test
    void tiesAtTheTopFlagFewerButNeverMore() {
        double[] good = {1, 2, 3, 3};
        double t = Thresholds.forFalseRejectRate(good, 0.25); // k = 1 but the two 3s tie
        assertEquals(3.0, t, 0);
        assertEquals(0, flagged(good, t));
        assertEquals(2.0, Thresholds.forFalseRejectRate(good, 0.5), 0); // k = 2
    }

    @Test
    void neverFlagsMoreThanTheRateAndIsTheLowestSuchScore() {
        Random rnd = new Random(9);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(60);
            double[] good = new double[n];
            for (int i = 0; i < n; i++) {
                good[i] = rnd.nextInt(15);
            }
            double rate = rnd.nextDouble() * 0.5;
            double t = Thresholds.forFalseRejectRate(good, rate);
            assertTrue(flagged(good, t) <= rate * n + 1e-9);
            for (double s : good) {
                if (s < t) {
                    assertTrue(flagged(good, s) > rate * n, "a lower score " + s + " would also do");
                }
            }
        }
    }

    @Test
    void rejectsBadRatesAndEmptyInput() {
        assertThrows(IllegalArgumentException.class, () -> Thresholds.forFalseRejectRate(new double[0], 0.01));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.forFalseRejectRate(new double[] {1}, -0.1));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.forFalseRejectRate(new double[] {1}, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.forFalseRejectRate(new double[] {1}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.forFalseRejectRate(new double[] {1, Double.NaN}, 0.1));
    }

    @Test
    void f1OptimalHandCase() {
        // 0.8 P, 0.4 P, 0.35 N, 0.1 N: flag both positives, midway between 0.4 and 0.35.
        F1Optimum o = Thresholds.f1Optimal(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, true, false, true});
        assertEquals(0.375, o.threshold(), 1e-15);
        assertEquals(1.0, o.f1(), 0);
        assertEquals(1.0, o.precision(), 0);
        assertEquals(1.0, o.recall(), 0);
        assertEquals(new ConfusionCounts(2, 0, 2, 0), o.counts());
    }

    @Test
    void f1OptimalWithOverlap() {
        // desc: 0.9 P, 0.7 N, 0.6 P, 0.5 P, 0.2 N
        // flag >=0.9: f1 = 2/(2+0+2) = .5; >=0.7: 2/(2+1+2) = .4; >=0.6: 4/(4+1+1) = .667;
        // >=0.5: 6/(6+1+0) = .857; >=0.2: 6/(6+2) = .75
        F1Optimum o = Thresholds.f1Optimal(new double[] {0.9, 0.7, 0.6, 0.5, 0.2},
                new boolean[] {true, false, true, true, false});
        assertEquals(0.35, o.threshold(), 1e-15);
        assertEquals(6.0 / 7, o.f1(), 1e-15);
        assertEquals(0.75, o.precision(), 1e-15);
        assertEquals(1.0, o.recall(), 0);
    }

    @Test
    void f1OptimalFlaggingEverythingUsesJustBelowTheLowestScore() {
        // All positives at the bottom: flagging all beats any higher cut.
        F1Optimum o = Thresholds.f1Optimal(new double[] {5, 1, 1, 1}, new boolean[] {false, true, true, true});
        assertEquals(Math.nextDown(1.0), o.threshold(), 0);
        assertEquals(6.0 / 7, o.f1(), 1e-15);
    }

    @Test
    void f1OptimalTiesPreferTheHigherThreshold() {
        // P 4, N 3, N 2, P 1: >=4: 2/(2+0+1) = 2/3; >=3: 2/(2+1+1) = 1/2; >=2: 2/(2+2+1) = 2/5;
        // >=1: 4/(4+2+0) = 2/3. The maximum ties; the higher cut (midway 4 and 3) wins.
        F1Optimum tie = Thresholds.f1Optimal(new double[] {4, 3, 2, 1}, new boolean[] {true, false, false, true});
        assertEquals(2.0 / 3, tie.f1(), 1e-15);
        assertEquals(3.5, tie.threshold(), 0);
        assertEquals(new ConfusionCounts(1, 0, 2, 1), tie.counts());
    }

    @Test
    void f1OptimalMatchesBruteForceOverAllCuts() {
        Random rnd = new Random(21);
        for (int round = 0; round < 100; round++) {
            int n = 5 + rnd.nextInt(80);
            double[] s = new double[n];
            boolean[] p = new boolean[n];
            for (int i = 0; i < n; i++) {
                p[i] = rnd.nextInt(3) == 0;
                s[i] = rnd.nextInt(25) + (p[i] ? 5 : 0);
            }
            p[0] = true;
            p[1] = false;
            F1Optimum o = Thresholds.f1Optimal(s, p);
            double best = 0;
            for (double cut : s) {
                best = Math.max(best, f1At(s, p, cut - 0.5));
            }
            assertEquals(best, o.f1(), 1e-12);
            assertEquals(o.f1(), f1At(s, p, o.threshold()), 1e-12, "threshold reproduces the F1");
            // midway: the threshold is not itself a score
            for (double v : s) {
                assertTrue(v != o.threshold());
            }
        }
    }

    private static double f1At(double[] s, boolean[] p, double t) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < s.length; i++) {
            boolean f = s[i] > t;
            if (f && p[i]) {
                tp++;
            } else if (f) {
                fp++;
            } else if (p[i]) {
                fn++;
            }
        }
        return 2.0 * tp / (2.0 * tp + fp + fn);
    }

    @Test
    void midwayStaysBetweenAdjacentAndHugeValues() {
        double a = 1.0;
        double b = Math.nextUp(1.0);
        double m = Thresholds.midway(a, b);
        assertTrue(m >= a && m < b);
        assertEquals(0.0, Thresholds.midway(-Double.MAX_VALUE, Double.MAX_VALUE), 0);
        assertEquals(5.0, Thresholds.midway(5.0, Double.POSITIVE_INFINITY), 0);
    }

    @Test
    void f1OptimalNeedsBothClasses() {
        assertThrows(IllegalArgumentException.class, () -> Thresholds.f1Optimal(new double[] {1, 2}, new boolean[] {false, false}));
    }
}
