package org.ssaeinspector.evaluation;

/**
 * The threshold with the highest F1 score on labelled data (flag {@code score > threshold}).
 *
 * @param threshold midway between the lowest flagged score and the next lower distinct score
 *                  ({@code Math.nextDown} of the lowest score when everything is flagged)
 * @param f1        F1 at that threshold
 * @param precision precision at that threshold
 * @param recall    recall at that threshold
 * @param counts    the full counts at that threshold
 */
public record F1Optimum(double threshold, double f1, double precision, double recall, ConfusionCounts counts) {
}
