package org.ssaeinspector.app.service;

/** Image scores with their labels, prepared once so that any threshold is answered quickly. */
public interface ScoreAnalysis {
    /** Image AUROC; NaN unless both good and defective images are present. */
    double auroc();

    /** The ROC curve thinned to at most {@code maxPoints} points (for charts). */
    Curve roc(int maxPoints);

    /** Counts at a threshold (flagged: score above it), in O(log n). */
    Confusion countsAt(double threshold);
}
