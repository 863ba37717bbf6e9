/**
 * Evaluation metrics: ROC / AUROC (image and pixel level), AUPRO, confusion counts at a threshold,
 * score histograms and threshold choices.
 *
 * <p><b>One threshold convention everywhere:</b> an image (or pixel) is <em>flagged</em> as
 * defective when {@code score > threshold} (strictly greater), exactly as
 * {@link org.ssaeinspector.scoring.InspectionResult#flagged()} does. Every threshold this package
 * returns ({@link org.ssaeinspector.evaluation.RocCurve#thresholds()},
 * {@link org.ssaeinspector.evaluation.Thresholds}, {@link org.ssaeinspector.evaluation.F1Optimum})
 * means that, and {@link org.ssaeinspector.evaluation.OperatingPoints#countsAt(double)} counts
 * that way.
 *
 * <p>Ties: images with equal scores are always judged together (one ROC point, never a staircase
 * through tied items); in AUROC a positive/negative tie counts 1/2.
 *
 * <p>Scores must not be NaN (rejected with an {@link java.lang.IllegalArgumentException});
 * infinities are allowed.
 */
package org.ssaeinspector.evaluation;
