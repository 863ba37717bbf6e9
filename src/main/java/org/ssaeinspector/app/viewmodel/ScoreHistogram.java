package org.ssaeinspector.app.viewmodel;

/**
 * Score counts in equal bins over [lo, hi], by label.
 *
 * @param lo        left edge of the first bin
 * @param hi        right edge of the last bin
 * @param good      counts of images labelled good
 * @param defective counts of images labelled defective
 * @param unlabelled counts of images without a label
 */
public record ScoreHistogram(double lo, double hi, long[] good, long[] defective, long[] unlabelled) {
    public int bins() {
        return good.length;
    }

    public double binCentre(int i) {
        return lo + (i + 0.5) * (hi - lo) / bins();
    }

    public double binWidth() {
        return (hi - lo) / bins();
    }
}
