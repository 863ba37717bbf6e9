package org.ssaeinspector.app.service;

import java.util.List;

/** Evaluation numbers the threshold panel shows (the evaluation package does the work). */
public interface MetricsService {
    ScoreAnalysis analyse(double[] scores, boolean[] defective);

    /** The threshold at which the given share of good images is rejected. */
    double thresholdForFalseRejectRate(double[] goodScores, double rate);

    /**
     * Pixel AUROC of anomaly maps against ground-truth masks of the same size (row-major,
     * one pair per image); NaN when the masks hold no defective or no good pixel.
     */
    double pixelAuroc(List<float[]> maps, List<boolean[]> masks);

    /** Counts of values in {@code bins} equal bins over [lo, hi] (values outside go to the end bins). */
    long[] histogram(double[] values, double lo, double hi, int bins);
}
