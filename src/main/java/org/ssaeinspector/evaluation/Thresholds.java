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

    /**
     * The threshold a model is calibrated with: the empirical quantile of
     * {@link #forFalseRejectRate} when there are enough good scores to see that rate
     * ({@code n * rate >= 1}); otherwise a robust normal estimate, {@code median + z(1 - rate) *
     * 1.4826 * MAD}. With 5 or 30 held-out images and a 1 % rate the empirical rule can only
     * return the maximum, which one unusual good image can push arbitrarily high; the median and
     * the median absolute deviation ignore it. Falls back to the empirical rule when MAD is 0.
     */
    public static double calibrated(double[] goodScores, double rate) {
        double empirical = forFalseRejectRate(goodScores, rate);
        int n = goodScores.length;
        if (n * rate >= 1 || n < 3) {
            return empirical;
        }
        double[] sorted = goodScores.clone();
        Arrays.sort(sorted);
        double median = median(sorted);
        double[] deviations = new double[n];
        for (int i = 0; i < n; i++) {
            deviations[i] = Math.abs(sorted[i] - median);
        }
        Arrays.sort(deviations);
        double mad = median(deviations);
        if (mad == 0) {
            return empirical;
        }
        return median + inverseNormal(1 - rate) * 1.4826 * mad;
    }

    private static double median(double[] ascending) {
        int n = ascending.length;
        return n % 2 == 1 ? ascending[n / 2] : 0.5 * (ascending[n / 2 - 1] + ascending[n / 2]);
    }

    /** Quantile function of the standard normal (Acklam's rational approximation, error < 1.2e-9). */
    static double inverseNormal(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1), was " + p);
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -inverseNormal(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
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
