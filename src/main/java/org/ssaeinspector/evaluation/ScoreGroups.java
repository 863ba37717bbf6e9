package org.ssaeinspector.evaluation;

import java.util.Arrays;

/**
 * Image scores of two classes grouped by distinct value, highest first, with the cumulative
 * counts at or above each value: the one sweep behind the ROC curve and the F1-optimal threshold.
 */
final class ScoreGroups {
    /** Distinct scores, descending. */
    final double[] scores;
    /** Positives with a score {@code >= scores[i]}. */
    final long[] positivesAtOrAbove;
    /** Negatives with a score {@code >= scores[i]}. */
    final long[] negativesAtOrAbove;
    final long positives;
    final long negatives;

    private ScoreGroups(double[] scores, long[] pos, long[] neg, long positives, long negatives) {
        this.scores = scores;
        this.positivesAtOrAbove = pos;
        this.negativesAtOrAbove = neg;
        this.positives = positives;
        this.negatives = negatives;
    }

    int size() {
        return scores.length;
    }

    /** Splits by class and sorts ascending: {@code [negatives, positives]}. */
    static double[][] split(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
        }
        int p = 0;
        for (int i = 0; i < scores.length; i++) {
            checkScore(scores[i], i);
            if (positive[i]) {
                p++;
            }
        }
        double[] pos = new double[p];
        double[] neg = new double[scores.length - p];
        int a = 0;
        int b = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i]) {
                pos[a++] = scores[i];
            } else {
                neg[b++] = scores[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        return new double[][] {neg, pos};
    }

    static void checkScore(double score, int index) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score at index " + index + " is NaN");
        }
    }

    /** Groups two ascending arrays; fails clearly when one class is empty. */
    static ScoreGroups fromSorted(double[] negativesAsc, double[] positivesAsc) {
        if (positivesAsc.length == 0) {
            throw new IllegalArgumentException("no positive (defective) examples: the metric needs both classes");
        }
        if (negativesAsc.length == 0) {
            throw new IllegalArgumentException("no negative (good) examples: the metric needs both classes");
        }
        int n = negativesAsc.length + positivesAsc.length;
        double[] distinct = new double[n];
        long[] pos = new long[n];
        long[] neg = new long[n];
        int i = negativesAsc.length - 1;
        int j = positivesAsc.length - 1;
        long tp = 0;
        long fp = 0;
        int k = 0;
        while (i >= 0 || j >= 0) {
            double v = Math.max(i >= 0 ? negativesAsc[i] : Double.NEGATIVE_INFINITY,
                    j >= 0 ? positivesAsc[j] : Double.NEGATIVE_INFINITY);
            // == also merges -0.0 with 0.0, which sort apart but compare equal.
            while (i >= 0 && negativesAsc[i] == v) {
                fp++;
                i--;
            }
            while (j >= 0 && positivesAsc[j] == v) {
                tp++;
                j--;
            }
            distinct[k] = v;
            pos[k] = tp;
            neg[k] = fp;
            k++;
        }
        return new ScoreGroups(Arrays.copyOf(distinct, k), Arrays.copyOf(pos, k), Arrays.copyOf(neg, k),
                positivesAsc.length, negativesAsc.length);
    }

    /** Index of the first element {@code > t} in an ascending array (its length if none). */
    static int upperBound(double[] ascending, double t) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] > t) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** How many elements of an ascending array are flagged ({@code > t}). */
    static long countAbove(double[] ascending, double t) {
        return ascending.length - upperBound(ascending, t);
    }

    /**
     * The threshold that flags exactly the scores {@code >= scores[i]}: the next lower distinct
     * score, or just below the lowest score for the last group.
     */
    double thresholdFlaggingDownTo(int i) {
        return i + 1 < scores.length ? scores[i + 1] : Math.nextDown(scores[i]);
    }
}
