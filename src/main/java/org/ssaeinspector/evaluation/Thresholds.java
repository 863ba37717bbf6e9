package org.ssaeinspector.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /** Share of the highest good scores the exponential tail is fitted to (peaks over threshold). */
    static final double TAIL_FRACTION = 0.2;
    /**
     * Fewest scores a tail is fitted to (so at least 23 good scores): with the 9 held-out images
     * of a 60-image set the tail is one or two images, and one unusual image sent the estimate
     * to many times every other score (measured on generated fabric, docs/benchmarks.md).
     */
    static final int MIN_TAIL_SCORES = 5;

    /**
     * The threshold a model is calibrated with. With enough good scores to see the rate
     * ({@code n * rate >= 1}) the empirical quantile of {@link #forFalseRejectRate}. With fewer,
     * the maximum is all the empirical rule can return, and one unusual good image can push it
     * arbitrarily high, so the (1 - rate) quantile is estimated instead, three ways:
     * <ul>
     *   <li>a robust normal estimate, {@code median + z(1 - rate) * 1.4826 * MAD}, which ignores a
     *       lone outlier but assumes a light tail;</li>
     *   <li>an exponential tail fitted to the highest fifth of the scores (peaks over threshold,
     *       the usual extreme-value estimate), for scores with a heavy tail: a share of good
     *       images much worse than the rest, as real surfaces give (BSData: the normal estimate
     *       flagged 12 of 84 held-out good images, 14 %, against the 1 % asked). Only with
     *       {@link #MIN_TAIL_SCORES} or more scores in that fifth. Its scale once from the
     *       median excess (one far score does not stretch it), once from the mean excess (the
     *       maximum-likelihood scale: follows a tail heavier than exponential).</li>
     * </ul>
     * Which one is measured on the scores themselves: the lowest estimate that, with each score
     * left out in turn and the estimate made from the others, flags no more of them than chance
     * allows at the rate ({@link #exceedancesWithinChance}: at least one, the least that n images
     * can show; two of 60 to 100 images at 1 %). When none does, the highest
     * estimate, and never less than the highest good score: an estimate that breaks the promise
     * on the scores it came from vouches for nothing below them (with too few scores for a tail,
     * 2 of 9 held-out washers far above the rest sent the normal estimate to 5.9, which flagged
     * 5 of 20 good test washers; their highest score, 14.5, flagged 1; docs/benchmarks.md).
     */
    public static double calibrated(double[] goodScores, double rate) {
        return calibratedWithBasis(goodScores, rate).value();
    }

    /**
     * A calibrated threshold and, in words for the user, what drew it.
     *
     * @param value the threshold of {@link #calibrated}
     * @param basis what drew it, a phrase that follows "drawn as" (e.g. "a normal estimate ...")
     */
    public record Calibrated(double value, String basis) {
    }

    /** {@link #calibrated}, with what drew the threshold (train, evaluate and the wizard say it). */
    public static Calibrated calibratedWithBasis(double[] goodScores, double rate) {
        double empirical = forFalseRejectRate(goodScores, rate);
        int n = goodScores.length;
        if (n * rate >= 1) {
            return new Calibrated(empirical, "the empirical quantile of the " + n + " held-out scores");
        }
        if (n < 3) {
            return new Calibrated(empirical, "the highest of the " + n + " held-out scores (too few to estimate from)");
        }
        double[] sorted = goodScores.clone();
        Arrays.sort(sorted);
        List<Estimate> estimates = new ArrayList<>();
        for (Estimate e : Estimate.values()) {
            if (!Double.isNaN(e.of(sorted, rate))) {
                estimates.add(e);
            }
        }
        if (estimates.isEmpty()) {
            return new Calibrated(empirical, "the highest held-out score (the scores do not spread)");
        }
        estimates.sort(java.util.Comparator.comparingDouble(e -> e.of(sorted, rate)));
        int allowed = exceedancesWithinChance(n, rate);
        for (Estimate e : estimates) {
            if (leftOutExceedances(sorted, rate, e) <= allowed) {
                return new Calibrated(e.of(sorted, rate), e.basis);
            }
        }
        double highestEstimate = estimates.get(estimates.size() - 1).of(sorted, rate);
        if (highestEstimate >= sorted[n - 1]) {
            return new Calibrated(highestEstimate, estimates.get(estimates.size() - 1).basis
                    + " (no estimate kept the target on left-out scores; the highest is used)");
        }
        return new Calibrated(sorted[n - 1], "the highest of the " + n + " held-out scores: every estimate flagged more "
                + "of them than the target allows, so a few good images score far above the rest; more good "
                + "images, or a looser target, would let the threshold go lower");
    }

    /** The ways the (1 - rate) quantile of a few scores is estimated ({@link #calibrated}). */
    private enum Estimate {
        NORMAL("a normal estimate from the held-out scores' median and spread"),
        TAIL_MEDIAN("an exponential tail fitted to the highest fifth of the held-out scores"),
        TAIL_MEAN("an exponential tail fitted to the highest fifth of the held-out scores");

        final String basis;

        Estimate(String basis) {
            this.basis = basis;
        }

        double of(double[] ascending, double rate) {
            return switch (this) {
                case NORMAL -> robustNormal(ascending, rate);
                case TAIL_MEDIAN -> exponentialTail(ascending, rate, true);
                case TAIL_MEAN -> exponentialTail(ascending, rate, false);
            };
        }
    }

    /**
     * Left-out exceedances below this chance do not refute an estimate: a binomial tail of 10 %.
     * Held to "at most the expected count" instead, a right estimate is refuted often (84 held-out
     * images at 1 %: two or more land above the true quantile one time in five), and the rule
     * fell back to a far higher estimate (BSData: 31.9 where the good test photos' highest was 9.2,
     * docs/benchmarks.md).
     */
    static final double CHANCE_LEVEL = 0.1;

    /**
     * The most good scores of {@code n} that may lie above a threshold that does flag {@code rate}
     * of good images, by chance: the largest k with P(Binomial(n, rate) >= k) >= {@link #CHANCE_LEVEL},
     * and at least one (the least that n images can show).
     */
    static int exceedancesWithinChance(int n, double rate) {
        if (rate <= 0) {
            return 1;
        }
        double pmf = Math.pow(1 - rate, n); // P(X = 0)
        double atLeast = 1; // P(X >= k), k = 0
        int k = 0;
        while (k < n) {
            double next = atLeast - pmf; // P(X >= k + 1)
            if (next < CHANCE_LEVEL) {
                break;
            }
            atLeast = next;
            pmf *= (n - k) / (double) (k + 1) * rate / (1 - rate);
            k++;
        }
        return Math.max(1, k);
    }

    /** How many scores lie above the estimate made from the other scores. */
    private static int leftOutExceedances(double[] ascending, double rate, Estimate estimate) {
        int n = ascending.length;
        double[] rest = new double[n - 1];
        int flagged = 0;
        for (int i = 0; i < n; i++) {
            System.arraycopy(ascending, 0, rest, 0, i);
            System.arraycopy(ascending, i + 1, rest, i, n - 1 - i);
            double t = estimate.of(rest, rate);
            if (Double.isNaN(t)) {
                t = forFalseRejectRateSorted(rest, rate);
            }
            flagged += ascending[i] > t ? 1 : 0;
        }
        return flagged;
    }

    /** {@code median + z(1 - rate) * 1.4826 * MAD} of ascending scores; NaN when MAD is 0. */
    static double robustNormal(double[] ascending, double rate) {
        int n = ascending.length;
        double median = median(ascending);
        double[] deviations = new double[n];
        for (int i = 0; i < n; i++) {
            deviations[i] = Math.abs(ascending[i] - median);
        }
        Arrays.sort(deviations);
        double mad = median(deviations);
        return mad == 0 ? Double.NaN : median + inverseNormal(1 - rate) * 1.4826 * mad;
    }

    /**
     * The (1 - rate) quantile of ascending scores from an exponential tail over the k highest
     * ({@link #TAIL_FRACTION} of them, at least {@link #MIN_TAIL_SCORES}, else NaN): {@code u + beta *
     * ln(k / (n * rate))}, with u the highest score below them and beta the exponential's scale:
     * their median excess over u divided by ln 2 ({@code robust}: one far score does not set it),
     * or their mean excess (the maximum-likelihood scale). NaN when there are too few scores or no
     * spread above u.
     */
    static double exponentialTail(double[] ascending, double rate, boolean robust) {
        int n = ascending.length;
        int k = Math.min(n - 1, (int) Math.round(TAIL_FRACTION * n));
        if (k < MIN_TAIL_SCORES || k <= rate * n) {
            return Double.NaN;
        }
        double u = ascending[n - 1 - k];
        double[] excess = new double[k];
        double sum = 0;
        for (int i = n - k; i < n; i++) {
            excess[i - (n - k)] = ascending[i] - u; // ascending already
            sum += ascending[i] - u;
        }
        double beta = robust ? median(excess) / Math.log(2) : sum / k;
        return beta <= 0 ? Double.NaN : u + beta * Math.log(k / (n * rate));
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
