package org.ssaeinspector.evaluation;

import java.util.Arrays;

/**
 * An exact ROC curve: one point per distinct score (tied scores form one point, never a
 * staircase through tied items), from (0, 0) to (1, 1).
 *
 * <p>Point {@code i} is the result of flagging {@code score > thresholds[i]}: point 0 uses the
 * highest score (nothing flagged), the last point uses {@code Math.nextDown} of the lowest score
 * (everything flagged), and every point between uses the next lower distinct score. Positives are
 * the defective class.
 */
public final class RocCurve {
    private final double[] fpr;
    private final double[] tpr;
    private final double[] thresholds;
    private final double auc;
    private final long positives;
    private final long negatives;

    private RocCurve(double[] fpr, double[] tpr, double[] thresholds, double auc, long positives, long negatives) {
        this.fpr = fpr;
        this.tpr = tpr;
        this.thresholds = thresholds;
        this.auc = auc;
        this.positives = positives;
        this.negatives = negatives;
    }

    /**
     * @param scores   one score per item, higher = more anomalous; no NaN
     * @param positive true for defective items
     * @throws IllegalArgumentException when lengths differ, a score is NaN, or a class is empty
     */
    public static RocCurve of(double[] scores, boolean[] positive) {
        double[][] split = ScoreGroups.split(scores, positive);
        return of(ScoreGroups.fromSorted(split[0], split[1]));
    }

    static RocCurve of(ScoreGroups g) {
        int k = g.size();
        double[] fpr = new double[k + 1];
        double[] tpr = new double[k + 1];
        double[] thr = new double[k + 1];
        thr[0] = g.scores[0];
        // Trapezoid area in integer units (2 * P * N), exact: equals the Mann-Whitney count.
        long twiceArea = 0;
        long prevTp = 0;
        long prevFp = 0;
        for (int i = 0; i < k; i++) {
            long tp = g.positivesAtOrAbove[i];
            long fp = g.negativesAtOrAbove[i];
            twiceArea += (fp - prevFp) * (tp + prevTp);
            fpr[i + 1] = (double) fp / g.negatives;
            tpr[i + 1] = (double) tp / g.positives;
            thr[i + 1] = g.thresholdFlaggingDownTo(i);
            prevTp = tp;
            prevFp = fp;
        }
        double auc = twiceArea / (2.0 * g.positives * g.negatives);
        return new RocCurve(fpr, tpr, thr, auc, g.positives, g.negatives);
    }

    /**
     * Area under the curve (trapezoid rule), which equals the probability that a random
     * defective item scores above a random good one, ties counting 1/2. Always the area of the
     * full curve, also on a {@link #thinned} copy.
     */
    public double auc() {
        return auc;
    }

    public int size() {
        return fpr.length;
    }

    /** False-positive rates, ascending (a copy). */
    public double[] fpr() {
        return fpr.clone();
    }

    /** True-positive rates, ascending (a copy). */
    public double[] tpr() {
        return tpr.clone();
    }

    /** The threshold of each point, descending; flag {@code score > threshold} (a copy). */
    public double[] thresholds() {
        return thresholds.clone();
    }

    public double fpr(int i) {
        return fpr[i];
    }

    public double tpr(int i) {
        return tpr[i];
    }

    public double threshold(int i) {
        return thresholds[i];
    }

    public long positives() {
        return positives;
    }

    public long negatives() {
        return negatives;
    }

    /**
     * A copy with at most {@code maxPoints} points for a chart, keeping the shape: first drops
     * points that lie on a straight line between their neighbours (no visible change); if still
     * too many, keeps the first point in each of {@code maxPoints - 1} equal steps of the path
     * length {@code fpr + tpr} (0 to 2) plus the last point, so the thinned polyline passes within
     * {@code 2 / (maxPoints - 1)} of every dropped point (0.001 for 2000 points). The end points
     * are always kept; {@link #auc()} stays the exact area of the full curve.
     *
     * @param maxPoints at least 2
     */
    public RocCurve thinned(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2, was " + maxPoints);
        }
        if (size() <= maxPoints) {
            return this;
        }
        int[] kept = dropCollinear();
        if (kept.length > maxPoints) {
            kept = keepPerPathStep(kept, maxPoints);
        }
        double[] f = new double[kept.length];
        double[] t = new double[kept.length];
        double[] th = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            f[i] = fpr[kept[i]];
            t[i] = tpr[kept[i]];
            th[i] = thresholds[kept[i]];
        }
        return new RocCurve(f, t, th, auc, positives, negatives);
    }

    private int[] dropCollinear() {
        int n = size();
        int[] kept = new int[n];
        int m = 0;
        kept[m++] = 0;
        for (int i = 1; i < n - 1; i++) {
            int a = kept[m - 1];
            double cross = (fpr[i] - fpr[a]) * (tpr[i + 1] - tpr[a]) - (tpr[i] - tpr[a]) * (fpr[i + 1] - fpr[a]);
            if (Math.abs(cross) > 1e-12) {
                kept[m++] = i;
            }
        }
        kept[m++] = n - 1;
        return Arrays.copyOf(kept, m);
    }

    private int[] keepPerPathStep(int[] candidates, int maxPoints) {
        int steps = maxPoints - 1;
        int[] kept = new int[maxPoints];
        int m = 0;
        int lastStep = -1;
        for (int c = 0; c < candidates.length - 1; c++) {
            int i = candidates[c];
            int step = (int) Math.min(steps - 1, Math.floor((fpr[i] + tpr[i]) / 2.0 * steps));
            if (step > lastStep) {
                kept[m++] = i;
                lastStep = step;
            }
        }
        kept[m++] = candidates[candidates.length - 1];
        return Arrays.copyOf(kept, m);
    }
}
