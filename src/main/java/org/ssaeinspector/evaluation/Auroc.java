package org.ssaeinspector.evaluation;

import java.util.Arrays;

/**
 * Exact AUROC over very many float scores (pixel AUROC: millions of values), without building a
 * curve: the scores of each class are sorted as primitive floats and merge-counted, O(n log n)
 * time and one float per value. The result is the Mann-Whitney probability that a positive
 * scores above a negative, ties counting 1/2, identical to {@link RocCurve#auc()}.
 */
public final class Auroc {
    private Auroc() {
    }

    /**
     * @param scores   one score per item; no NaN
     * @param positive true for positive (defective) items
     * @throws IllegalArgumentException when lengths differ, a score is NaN, or a class is empty
     */
    public static double of(float[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
        }
        int p = 0;
        for (int i = 0; i < scores.length; i++) {
            checkNotNaN(scores[i], "score", i);
            if (positive[i]) {
                p++;
            }
        }
        float[] pos = new float[p];
        float[] neg = new float[scores.length - p];
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
        return ofSorted(neg, pos);
    }

    /** AUROC of two separate groups (the arrays are copied, then sorted). */
    public static double ofGroups(float[] negatives, float[] positives) {
        for (int i = 0; i < negatives.length; i++) {
            checkNotNaN(negatives[i], "negative value", i);
        }
        for (int i = 0; i < positives.length; i++) {
            checkNotNaN(positives[i], "positive value", i);
        }
        float[] neg = negatives.clone();
        float[] pos = positives.clone();
        Arrays.sort(neg);
        Arrays.sort(pos);
        return ofSorted(neg, pos);
    }

    /**
     * AUROC of two groups already sorted ascending (as {@link Arrays#sort(float[])} leaves them);
     * nothing is copied.
     *
     * @throws IllegalArgumentException when a group is empty, not sorted, or holds NaN
     */
    public static double ofSorted(float[] negativesAscending, float[] positivesAscending) {
        return ofSorted(negativesAscending, negativesAscending.length, positivesAscending, positivesAscending.length);
    }

    /** As {@link #ofSorted(float[], float[])} over the first {@code negCount} / {@code posCount} values. */
    static double ofSorted(float[] neg, int negCount, float[] pos, int posCount) {
        checkSorted(neg, negCount, "negative");
        checkSorted(pos, posCount, "positive");
        if (posCount == 0) {
            throw new IllegalArgumentException("no positive (defective) values: AUROC needs both classes");
        }
        if (negCount == 0) {
            throw new IllegalArgumentException("no negative (good) values: AUROC needs both classes");
        }
        // Sum over positives of 2 * (#negatives below) + (#negatives equal): exact in a long.
        long twice = 0;
        int below = 0;
        int p = 0;
        while (p < posCount) {
            float v = pos[p];
            int q = p;
            while (q < posCount && pos[q] == v) {
                q++;
            }
            while (below < negCount && neg[below] < v) {
                below++;
            }
            int equalEnd = below;
            while (equalEnd < negCount && neg[equalEnd] == v) {
                equalEnd++;
            }
            twice += (long) (q - p) * (2L * below + (equalEnd - below));
            below = equalEnd;
            p = q;
        }
        return twice / (2.0 * posCount * negCount);
    }

    private static void checkNotNaN(float v, String what, int index) {
        if (Float.isNaN(v)) {
            throw new IllegalArgumentException(what + " at index " + index + " is NaN");
        }
    }

    private static void checkSorted(float[] a, int count, String what) {
        for (int i = 0; i < count; i++) {
            if (Float.isNaN(a[i])) {
                throw new IllegalArgumentException(what + " value at index " + i + " is NaN");
            }
            if (i > 0 && a[i] < a[i - 1]) {
                throw new IllegalArgumentException(what + " values are not sorted ascending at index " + i);
            }
        }
    }
}
