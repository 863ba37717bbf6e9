package org.ssaeinspector.evaluation;

import java.util.Arrays;

/** Ways to choose the decision threshold (flag {@code score > threshold}). */
public final class Thresholds {
    private Thresholds() {
    }

    /**
     * The threshold from good images alone that flags at most {@code rate} of them.
     *
     * <p>With {@code n} good scores sorted ascending {@code s[0..n-1]} and {@code k = floor(rate * n)}
     * (the number of good images that may be flagged), the threshold is {@code s[n-1-k]}: the
     * (k+1)-th highest good score. It flags at most {@code k} of the good images (fewer when
     * scores tie), and is the lowest threshold that does so: any lower value flags
     * {@code s[n-1-k..n-1]}, k + 1 images. So with 20 held-out images and a rate of 0.01,
     * {@code k = 0} and the threshold is the highest good score: none of them is flagged.
     *
     * @param goodScores scores of held-out good images; not empty, no NaN
     * @param rate       the tolerated false-reject rate, in [0, 1)
     */
    public static double forFalseRejectRate(double[] goodScores, double rate) {
        if (goodScores.length == 0) {
            throw new IllegalArgumentException("no good scores to choose a threshold from");
        }
        for (int i = 0; i < goodScores.length; i++) {
            ScoreGroups.checkScore(goodScores[i], i);
        }
        double[] sorted = goodScores.clone();
        Arrays.sort(sorted);
        return forFalseRejectRateSorted(sorted, rate);
    }

    static double forFalseRejectRateSorted(double[] goodAscending, double rate) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("false-reject rate must be in [0, 1), was " + rate);
        }
        int n = goodAscending.length;
        if (n == 0) {
            throw new IllegalArgumentException("no good scores to choose a threshold from");
        }
        // The epsilon keeps e.g. 0.29 * 100 = 28.999999999999996 at 29 flagged images.
        int k = (int) Math.min(n - 1, Math.floor(rate * n + 1e-9));
        return goodAscending[n - 1 - k];
    }

    /**
     * The threshold that maximises F1 on labelled scores; the highest such threshold when
     * several tie. The threshold lies midway between the lowest flagged score and the next
     * lower distinct score, so a slightly shifted score keeps its verdict.
     *
     * @throws IllegalArgumentException when lengths differ, a score is NaN, or a class is empty
     */
    public static F1Optimum f1Optimal(double[] scores, boolean[] positive) {
        double[][] split = ScoreGroups.split(scores, positive);
        return f1Optimal(ScoreGroups.fromSorted(split[0], split[1]));
    }

    static F1Optimum f1Optimal(ScoreGroups g) {
        int best = -1;
        double bestF1 = -1;
        for (int i = 0; i < g.size(); i++) {
            long tp = g.positivesAtOrAbove[i];
            long fp = g.negativesAtOrAbove[i];
            double f1 = 2.0 * tp / (2.0 * tp + fp + (g.positives - tp));
            if (f1 > bestF1) { // strict: on ties the earlier (higher) threshold wins
                bestF1 = f1;
                best = i;
            }
        }
        double threshold = best + 1 < g.size() ? midway(g.scores[best + 1], g.scores[best]) : Math.nextDown(g.scores[best]);
        long tp = g.positivesAtOrAbove[best];
        long fp = g.negativesAtOrAbove[best];
        ConfusionCounts c = new ConfusionCounts(tp, fp, g.negatives - fp, g.positives - tp);
        return new F1Optimum(threshold, c.f1(), c.precision(), c.recall(), c);
    }

    /** A value m with lower <= m < upper, near the middle (safe for huge and adjacent values). */
    static double midway(double lower, double upper) {
        double m = lower / 2 + upper / 2;
        if (Double.isInfinite(lower) || Double.isInfinite(upper) || !(m >= lower && m < upper)) {
            return lower;
        }
        return m;
    }
}
