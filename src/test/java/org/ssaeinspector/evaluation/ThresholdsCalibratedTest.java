package org.ssaeinspector.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdsCalibratedTest {
    @Test
    void inverseNormalMatchesKnownQuantiles() {
        assertEquals(2.326347874, Thresholds.inverseNormal(0.99), 1e-8);
        assertEquals(1.644853627, Thresholds.inverseNormal(0.95), 1e-8);
        assertEquals(0.0, Thresholds.inverseNormal(0.5), 1e-12);
        assertEquals(-3.090232306, Thresholds.inverseNormal(0.001), 1e-8);
    }

    @Test
    void oneUnusualGoodImageDoesNotSetTheThresholdForFewImages() {
        // The fabric sample model's held-out scores: one odd image far above the rest.
        double[] scores = {103.586, 0.0154, 0.0289, 0.0978, 0.1343};
        double t = Thresholds.calibrated(scores, 0.01);
        // median 0.0978, MAD 0.0689: 0.0978 + 2.3263 * 1.4826 * 0.0689
        assertEquals(0.0978 + 2.326348 * 1.4826 * 0.0689, t, 1e-3);
        assertTrue(t < 1, "threshold " + t);
    }

    @Test
    void enoughImagesUseTheEmpiricalQuantile() {
        double[] scores = new double[200];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i;
        }
        assertEquals(Thresholds.forFalseRejectRate(scores, 0.01), Thresholds.calibrated(scores, 0.01), 0.0);
        assertEquals(197.0, Thresholds.calibrated(scores, 0.01), 0.0);
    }

    @Test
    void identicalScoresFallBackToTheEmpiricalRule() {
        double[] scores = {2, 2, 2, 2, 2};
        assertEquals(2.0, Thresholds.calibrated(scores, 0.01), 0.0);
    }

    /** Held-out scores of a BSData model (84 good surface photos, 10 minutes): a heavy right tail. */
    private static final double[] SURFACE_SCORES = {2.067, 1.759, 0.814, 0.859, 3.526, 1.038, 1.610, 5.732, 0.704,
        2.414, 13.555, 1.164, 0.729, 5.628, 2.507, 6.002, 3.389, 0.756, 2.588, 8.263, 0.746, 2.202, 1.047, 0.657, 2.107,
        1.093, 1.008, 1.150, 2.601, 3.236, 1.131, 1.613, 11.150, 1.504, 2.015, 1.454, 3.610, 1.097, 2.886, 0.760, 1.017,
        1.566, 1.947, 2.199, 2.699, 2.666, 1.270, 0.906, 1.793, 2.937, 2.781, 1.721, 0.733, 2.767, 1.358, 1.594, 3.361,
        0.528, 1.630, 4.859, 1.764, 6.391, 0.883, 1.881, 1.720, 0.868, 0.872, 3.986, 2.943, 1.898, 5.206, 0.885, 0.968,
        2.539, 0.624, 1.013, 0.850, 3.101, 3.202, 8.841, 0.811, 10.281, 5.475, 1.203};

    @Test
    void aHeavyTailGetsTheTailEstimateThatKeepsThePromise() {
        double[] sorted = SURFACE_SCORES.clone();
        java.util.Arrays.sort(sorted);
        double normal = Thresholds.robustNormal(sorted, 0.01);
        assertTrue(above(SURFACE_SCORES, normal) >= 10, "the normal estimate flags " + above(SURFACE_SCORES, normal));
        double t = Thresholds.calibrated(SURFACE_SCORES, 0.01);
        assertEquals(Thresholds.exponentialTail(sorted, 0.01), t, 0.0);
        assertTrue(above(SURFACE_SCORES, t) <= 1, "threshold " + t + " flags " + above(SURFACE_SCORES, t));
        assertTrue(t < sorted[sorted.length - 1] + 2, "not far beyond the data: " + t);
    }

    @Test
    void aLightTailKeepsTheTighterNormalEstimate() {
        // 60 scores from the middle of a normal distribution (quantiles, no randomness): no heavy tail.
        double[] scores = new double[60];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = 5 + Thresholds.inverseNormal((i + 0.5) / scores.length);
        }
        double[] sorted = scores.clone();
        java.util.Arrays.sort(sorted);
        double normal = Thresholds.robustNormal(sorted, 0.01);
        assertTrue(normal < Thresholds.exponentialTail(sorted, 0.01), "the tail estimate is the higher here");
        assertEquals(normal, Thresholds.calibrated(scores, 0.01), 0.0);
        assertEquals(5 + 2.326, normal, 0.1);
    }

    @Test
    void fewImagesKeepTheNormalEstimate() {
        // Nine held-out scores of a model of fabric under varying light: one image far above the rest.
        double[] scores = {-0.209, -0.007, 0.149, 0.19, 0.231, 0.475, 0.542, 3.082, 49.423};
        double[] sorted = scores.clone();
        java.util.Arrays.sort(sorted);
        assertTrue(Double.isNaN(Thresholds.exponentialTail(sorted, 0.01)), "too few scores for a tail");
        assertEquals(Thresholds.robustNormal(sorted, 0.01), Thresholds.calibrated(scores, 0.01), 0.0);
        assertEquals(1.073, Thresholds.calibrated(scores, 0.01), 1e-3);
    }

    private static int above(double[] scores, double t) {
        int n = 0;
        for (double s : scores) {
            n += s > t ? 1 : 0;
        }
        return n;
    }

    /**
     * One held-out photo far beyond the rest (BSData: a view of which training saw few) may be
     * flagged, but must not set the scale of the tail: with it at 300 instead of 16 the threshold
     * stays where the other 83 put it, and still flags at most that one photo.
     */
    @Test
    void oneFarScoreDoesNotStretchTheTail() {
        double[] near = SURFACE_SCORES.clone();
        double[] far = SURFACE_SCORES.clone();
        int top = 0;
        for (int i = 1; i < far.length; i++) {
            top = far[i] > far[top] ? i : top;
        }
        near[top] = 16;
        far[top] = 300;
        double tNear = Thresholds.calibrated(near, 0.01);
        double tFar = Thresholds.calibrated(far, 0.01);
        assertEquals(tNear, tFar, 1e-9, "the tail's scale comes from the middle of its excesses");
        assertTrue(above(far, tFar) <= 1, "flags " + above(far, tFar));
        assertTrue(tFar < 30, "threshold " + tFar);
    }
}
