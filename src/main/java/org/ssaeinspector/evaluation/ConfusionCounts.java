package org.ssaeinspector.evaluation;

/**
 * Counts at one threshold; positive = defective, flagged = {@code score > threshold}.
 * Rates whose denominator is zero (e.g. precision when nothing is flagged) are NaN.
 *
 * @param tp defective and flagged
 * @param fp good but flagged (a false reject)
 * @param tn good and passed
 * @param fn defective but passed (an escape)
 */
public record ConfusionCounts(long tp, long fp, long tn, long fn) {
    public ConfusionCounts {
        if (tp < 0 || fp < 0 || tn < 0 || fn < 0) {
            throw new IllegalArgumentException("negative count in " + tp + "/" + fp + "/" + tn + "/" + fn);
        }
    }

    /** Defective items (tp + fn). */
    public long positives() {
        return tp + fn;
    }

    /** Good items (fp + tn). */
    public long negatives() {
        return fp + tn;
    }

    /** Items flagged (tp + fp). */
    public long flagged() {
        return tp + fp;
    }

    public long total() {
        return tp + fp + tn + fn;
    }

    /** Share of defective items flagged (= recall). */
    public double tpr() {
        return ratio(tp, tp + fn);
    }

    /** Share of good items flagged (= {@link #falseRejectRate()}). */
    public double fpr() {
        return ratio(fp, fp + tn);
    }

    /** Share of flagged items that are defective. */
    public double precision() {
        return ratio(tp, tp + fp);
    }

    public double recall() {
        return tpr();
    }

    /** Harmonic mean of precision and recall: 2tp / (2tp + fp + fn). */
    public double f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    /** Share of good parts rejected: the inspection's cost in scrap or re-checks. */
    public double falseRejectRate() {
        return fpr();
    }

    /** Share of defective parts passed (= 1 - recall). */
    public double missRate() {
        return ratio(fn, tp + fn);
    }

    public double accuracy() {
        return ratio(tp + tn, total());
    }

    private static double ratio(long num, long den) {
        return den == 0 ? Double.NaN : (double) num / den;
    }
}
