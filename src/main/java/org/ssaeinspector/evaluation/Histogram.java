package org.ssaeinspector.evaluation;

import org.ssaeinspector.dataset.Label;

/**
 * Counts of good, defective and unlabelled scores in equal-width bins over {@code [min, max]}.
 * Bin {@code i} covers {@code [min + i*w, min + (i+1)*w)}, the last bin also includes
 * {@code max}. Scores outside the range are counted in the first or last bin, so every image
 * appears in the chart.
 */
public final class Histogram {
    private final double min;
    private final double max;
    private final int[] good;
    private final int[] defective;
    private final int[] unknown;
    private int below;
    private int above;

    private Histogram(double min, double max, int bins) {
        this.min = min;
        this.max = max;
        this.good = new int[bins];
        this.defective = new int[bins];
        this.unknown = new int[bins];
    }

    /**
     * @param labels one per score; {@code null} counts as UNKNOWN
     * @param bins   at least 1
     * @param min    lower edge, finite
     * @param max    upper edge, finite and greater than {@code min}
     */
    public static Histogram of(double[] scores, Label[] labels, int bins, double min, double max) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + labels.length + " labels");
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, was " + bins);
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(max > min)) {
            throw new IllegalArgumentException("histogram range must be finite with min < max, was [" + min + ", " + max + "]");
        }
        Histogram h = new Histogram(min, max, bins);
        for (int i = 0; i < scores.length; i++) {
            ScoreGroups.checkScore(scores[i], i);
            int b = h.binOf(scores[i]);
            if (scores[i] < min) {
                h.below++;
            } else if (scores[i] > max) {
                h.above++;
            }
            if (labels[i] == Label.GOOD) {
                h.good[b]++;
            } else if (labels[i] == Label.DEFECTIVE) {
                h.defective[b]++;
            } else {
                h.unknown[b]++;
            }
        }
        return h;
    }

    /**
     * Over the range of the finite scores; when they are all equal (or there are none) the
     * range is that value (or 0) plus and minus 0.5.
     */
    public static Histogram of(double[] scores, Label[] labels, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            if (Double.isFinite(s)) {
                lo = Math.min(lo, s);
                hi = Math.max(hi, s);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 0;
        }
        if (!(hi > lo)) {
            lo -= 0.5;
            hi += 0.5;
        }
        return of(scores, labels, bins, lo, hi);
    }

    /**
     * The range {@code [lo, hi]} cut at outliers: an end beyond Tukey's far-out fence
     * ({@code Q1 - 3 IQR}, {@code Q3 + 3 IQR}) moves to the most extreme score inside it, so one
     * score of 254 among scores up to 40 does not squeeze them all into two bins. The scores
     * past the cut are counted in the edge bin ({@link #above()}, {@link #below()}).
     */
    public static double[] clippedRange(double[] scores, double lo, double hi) {
        double[] s = java.util.Arrays.stream(scores).filter(Double::isFinite).sorted().toArray();
        if (s.length < 4) {
            return new double[] {lo, hi};
        }
        double q1 = quantile(s, 0.25);
        double q3 = quantile(s, 0.75);
        double iqr = q3 - q1;
        double lowFence = q1 - 3 * iqr;
        double highFence = q3 + 3 * iqr;
        double inLo = s[0];
        double inHi = s[s.length - 1];
        for (double v : s) {
            if (v >= lowFence) {
                inLo = v;
                break;
            }
        }
        for (int i = s.length - 1; i >= 0; i--) {
            if (s[i] <= highFence) {
                inHi = s[i];
                break;
            }
        }
        double newLo = inLo > s[0] ? inLo : lo;
        double newHi = inHi < s[s.length - 1] ? inHi : hi;
        // A cut end gets a little room so the last kept score is not on the edge.
        double pad = 0.04 * (newHi - newLo);
        newLo = inLo > s[0] ? newLo - pad : newLo;
        newHi = inHi < s[s.length - 1] ? newHi + pad : newHi;
        return newHi > newLo ? new double[] {newLo, newHi} : new double[] {lo, hi};
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    /** Scores below {@link #min()}, counted in the first bin. */
    public int below() {
        return below;
    }

    /** Scores above {@link #max()}, counted in the last bin. */
    public int above() {
        return above;
    }

    /** The bin a score falls into, clamped to the first and last bin. */
    public int binOf(double score) {
        int n = good.length;
        double pos = (score - min) / (max - min) * n;
        if (!(pos >= 0)) {
            return 0;
        }
        return pos >= n ? n - 1 : (int) pos;
    }

    public int bins() {
        return good.length;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double binWidth() {
        return (max - min) / good.length;
    }

    public double binStart(int bin) {
        return min + bin * binWidth();
    }

    public double binEnd(int bin) {
        return bin == good.length - 1 ? max : min + (bin + 1) * binWidth();
    }

    public int good(int bin) {
        return good[bin];
    }

    public int defective(int bin) {
        return defective[bin];
    }

    public int unknown(int bin) {
        return unknown[bin];
    }

    /** Good counts per bin (a copy). */
    public int[] goodCounts() {
        return good.clone();
    }

    /** Defective counts per bin (a copy). */
    public int[] defectiveCounts() {
        return defective.clone();
    }

    /** Unlabelled counts per bin (a copy). */
    public int[] unknownCounts() {
        return unknown.clone();
    }

    /** The largest single count in any bin and class, for scaling a chart's axis. */
    public int maxCount() {
        int m = 0;
        for (int i = 0; i < good.length; i++) {
            m = Math.max(m, Math.max(good[i], Math.max(defective[i], unknown[i])));
        }
        return m;
    }
}
