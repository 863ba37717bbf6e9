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
        assertTrue(t == Thresholds.exponentialTail(sorted, 0.01, true) || t == Thresholds.exponentialTail(sorted, 0.01, false),
                "a tail estimate: " + t);
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
        assertTrue(normal < Thresholds.exponentialTail(sorted, 0.01, true), "the tail estimates are higher here");
        assertTrue(normal < Thresholds.exponentialTail(sorted, 0.01, false), "the tail estimates are higher here");
        assertEquals(normal, Thresholds.calibrated(scores, 0.01), 0.0);
        assertEquals(5 + 2.326, normal, 0.1);
    }

    @Test
    void fewImagesWithOneFarScoreKeepTheNormalEstimate() {
        // Nine held-out scores: one image far above the rest, the others close together.
        double[] scores = {-0.209, -0.007, 0.149, 0.19, 0.231, 0.475, 0.542, 0.61, 49.423};
        double[] sorted = scores.clone();
        java.util.Arrays.sort(sorted);
        assertTrue(Double.isNaN(Thresholds.exponentialTail(sorted, 0.01, true)), "too few scores for a tail");
        double t = Thresholds.calibrated(scores, 0.01);
        assertEquals(Thresholds.robustNormal(sorted, 0.01), t, 0.0);
        assertEquals(1, above(scores, t));
    }

    /**
     * Nine held-out scores of the washer sample's model (squared+ssim): two far above the rest. The
     * normal estimate (about 5.9) flags both, and flagged 5 of the 20 good test washers; too few
     * scores for a tail, so the highest good score is all the scores vouch for.
     */
    @Test
    void fewImagesWithTwoFarScoresGetTheHighestScore() {
        double[] scores = {14.45, 8.09, 4.04, 3.55, 3.27, 2.83, 2.78, 1.92, 1.54};
        double[] sorted = scores.clone();
        java.util.Arrays.sort(sorted);
        assertEquals(2, above(scores, Thresholds.robustNormal(sorted, 0.01)));
        assertEquals(14.45, Thresholds.calibrated(scores, 0.01), 0.0);
        // The same scores with a looser target: still too few to see 5 %, the same answer.
        assertEquals(14.45, Thresholds.calibrated(scores, 0.05), 0.0);
        // The user is told why, and what would lower it.
        String basis = Thresholds.calibratedWithBasis(scores, 0.01).basis();
        assertTrue(basis.startsWith("the highest of the 9 held-out scores") && basis.contains("more good images"), basis);
    }

    @Test
    void theBasisNamesWhatDrewTheThreshold() {
        double[] many = new double[200];
        for (int i = 0; i < many.length; i++) {
            many[i] = i;
        }
        assertTrue(Thresholds.calibratedWithBasis(many, 0.01).basis().startsWith("the empirical quantile of the 200"));
        double[] oneOdd = {-0.209, -0.007, 0.149, 0.19, 0.231, 0.475, 0.542, 0.61, 49.423};
        Thresholds.Calibrated normal = Thresholds.calibratedWithBasis(oneOdd, 0.01);
        assertEquals(Thresholds.calibrated(oneOdd, 0.01), normal.value(), 0.0);
        assertTrue(normal.basis().startsWith("a normal estimate"), normal.basis());
        assertTrue(Thresholds.calibratedWithBasis(SURFACE_SCORES, 0.01).basis().startsWith("an exponential tail"));
        assertTrue(Thresholds.calibratedWithBasis(new double[] {1, 2}, 0.01).basis().contains("too few"));
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
     * stays within a tenth of where it was, and still flags at most that one photo.
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
        assertEquals(tNear, tFar, 0.1 * tNear, "the far score does not stretch the tail");
        assertTrue(above(far, tFar) <= 1, "flags " + above(far, tFar));
        assertTrue(tFar < 30, "threshold " + tFar);
    }

    /**
     * Held-out scores of a BSData model (squared+ssim residual, 84 good photos) whose top scores
     * are scattered far above the rest: the median excess sees a light tail there and its
     * threshold (about 4) flags 7 of 84; left-out scoring shows it, and the mean excess, which
     * follows the heavier tail, is kept: at most one of them flagged.
     */
    private static final double[] SCATTERED_TOP = {2.258, 2.025, 2.437, 1.545, 2.078, 1.984, 5.444, 1.145, 0.804, 1.249,
        4.968, 2.235, 2.083, 0.804, 1.115, 1.553, 3.498, 1.048, 5.814, 2.115, 2.015, 1.932, 1.304, 1.214, 0.639, 0.665,
        1.188, 2.653, 1.231, 0.935, 1.041, 0.823, 1.209, 1.930, 2.244, 0.647, 0.636, 1.529, 0.950, 2.464, 2.329, 1.993,
        2.288, 0.848, 2.275, 0.768, 1.596, 0.839, 0.682, 1.203, 1.125, 0.669, 0.980, 0.771, 1.140, 2.586, 0.935, 1.869,
        2.106, 0.656, 0.668, 1.576, 2.603, 2.135, 1.506, 2.127, 1.554, 1.758, 1.410, 0.553, 0.658, 1.861, 0.889, 0.456,
        1.687, 0.566, 9.069, 2.455, 2.357, 1.842, 1.175, 8.099, 6.942, 80.205};

    @Test
    void aTailHeavierThanItsMedianSuggestsKeepsThePromise() {
        double[] sorted = SCATTERED_TOP.clone();
        java.util.Arrays.sort(sorted);
        double robust = Thresholds.exponentialTail(sorted, 0.01, true);
        assertTrue(above(SCATTERED_TOP, robust) > 3, "the median excess alone flags " + above(SCATTERED_TOP, robust));
        double t = Thresholds.calibrated(SCATTERED_TOP, 0.01);
        assertEquals(Thresholds.exponentialTail(sorted, 0.01, false), t, 0.0);
        assertTrue(above(SCATTERED_TOP, t) <= 1, "threshold " + t + " flags " + above(SCATTERED_TOP, t));
    }
}
