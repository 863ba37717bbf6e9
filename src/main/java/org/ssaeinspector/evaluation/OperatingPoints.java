package org.ssaeinspector.evaluation;

import java.util.Arrays;
import org.ssaeinspector.dataset.Label;

/**
 * Scores of a labelled (or partly labelled) image set, sorted once, answering "what happens at
 * threshold t" in O(log n) by binary search: made for a threshold slider moved over thousands
 * of images. Flagged means {@code score > threshold}. Images labelled {@link Label#UNKNOWN} take
 * no part in the confusion counts but are counted by {@link #flaggedAt(double)}.
 * Immutable and thread-safe once built.
 */
public final class OperatingPoints {
    private final double[] good;
    private final double[] defective;
    private final double[] unknown;
    private ScoreGroups groups; // built on first use by roc() / f1Optimal()

    private OperatingPoints(double[] good, double[] defective, double[] unknown) {
        this.good = good;
        this.defective = defective;
        this.unknown = unknown;
    }

    /**
     * @param scores one per image; no NaN
     * @param labels one per image; {@code null} entries count as UNKNOWN
     */
    public static OperatingPoints of(double[] scores, Label[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        int g = 0;
        int d = 0;
        for (int i = 0; i < scores.length; i++) {
            ScoreGroups.checkScore(scores[i], i);
            if (labels[i] == Label.GOOD) {
                g++;
            } else if (labels[i] == Label.DEFECTIVE) {
                d++;
            }
        }
        double[] good = new double[g];
        double[] defective = new double[d];
        double[] unknown = new double[scores.length - g - d];
        int a = 0;
        int b = 0;
        int c = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] == Label.GOOD) {
                good[a++] = scores[i];
            } else if (labels[i] == Label.DEFECTIVE) {
                defective[b++] = scores[i];
            } else {
                unknown[c++] = scores[i];
            }
        }
        Arrays.sort(good);
        Arrays.sort(defective);
        Arrays.sort(unknown);
        return new OperatingPoints(good, defective, unknown);
    }

    /** @param defective one per image: true = DEFECTIVE, false = GOOD */
    public static OperatingPoints of(double[] scores, boolean[] defective) {
        double[][] split = ScoreGroups.split(scores, defective);
        return new OperatingPoints(split[0], split[1], new double[0]);
    }

    /** Confusion counts of the labelled images at {@code threshold}, O(log n). */
    public ConfusionCounts countsAt(double threshold) {
        checkThreshold(threshold);
        long tp = ScoreGroups.countAbove(defective, threshold);
        long fp = ScoreGroups.countAbove(good, threshold);
        return new ConfusionCounts(tp, fp, good.length - fp, defective.length - tp);
    }

    /** All images flagged at {@code threshold}, unknown ones included, O(log n). */
    public long flaggedAt(double threshold) {
        checkThreshold(threshold);
        return ScoreGroups.countAbove(good, threshold) + ScoreGroups.countAbove(defective, threshold)
                + ScoreGroups.countAbove(unknown, threshold);
    }

    /** Unlabelled images flagged at {@code threshold}, O(log n). */
    public long unknownFlaggedAt(double threshold) {
        checkThreshold(threshold);
        return ScoreGroups.countAbove(unknown, threshold);
    }

    public int goodCount() {
        return good.length;
    }

    public int defectiveCount() {
        return defective.length;
    }

    public int unknownCount() {
        return unknown.length;
    }

    public int size() {
        return good.length + defective.length + unknown.length;
    }

    /** Lowest score of all images (NaN when there are none): a slider's lower end. */
    public double minScore() {
        double m = Double.POSITIVE_INFINITY;
        for (double[] a : new double[][] {good, defective, unknown}) {
            if (a.length > 0) {
                m = Math.min(m, a[0]);
            }
        }
        return size() == 0 ? Double.NaN : m;
    }

    /** Highest score of all images (NaN when there are none). */
    public double maxScore() {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] a : new double[][] {good, defective, unknown}) {
            if (a.length > 0) {
                m = Math.max(m, a[a.length - 1]);
            }
        }
        return size() == 0 ? Double.NaN : m;
    }

    /** The ROC curve of the labelled images (no re-sorting). */
    public RocCurve roc() {
        return RocCurve.of(groups());
    }

    /** The F1-optimal threshold of the labelled images (see {@link Thresholds#f1Optimal}). */
    public F1Optimum f1Optimal() {
        return Thresholds.f1Optimal(groups());
    }

    /** See {@link Thresholds#forFalseRejectRate}, over the good images. */
    public double thresholdForFalseRejectRate(double rate) {
        return Thresholds.forFalseRejectRateSorted(good, rate);
    }

    private synchronized ScoreGroups groups() {
        if (groups == null) {
            groups = ScoreGroups.fromSorted(good, defective);
        }
        return groups;
    }

    private static void checkThreshold(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
    }
}
