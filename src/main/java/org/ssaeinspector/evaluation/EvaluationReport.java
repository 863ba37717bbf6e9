package org.ssaeinspector.evaluation;

import java.util.List;
import org.ssaeinspector.dataset.SkippedFile;

/**
 * The figures every evaluation prints (method.md, "Evaluation"). Metrics that need labels or masks
 * that the data set lacks are NaN.
 *
 * @param dataSet           name of the data set
 * @param images            test images scored
 * @param good              of which labelled good
 * @param defective         of which labelled defective
 * @param imageAuroc        image scores against good/defective labels
 * @param pixelAuroc        map values against ground-truth masks, in photo pixels (sampled grid)
 * @param aupro             per-region overlap integrated to FPR 0.3, normalised
 * @param f1Optimal         the threshold with the best F1 on these labels
 * @param modelThreshold    the model's own threshold (from good images alone)
 * @param atModelThreshold  confusion counts at the model's threshold
 * @param msPerImage        network + scoring time per image (decoding excluded)
 * @param results           per-image results
 * @param skipped           files that could not be scored
 * @param regionIou         mean IoU of each ground-truth region's box with the best box flagged at the
 *                          model's threshold ({@link RegionOverlap}); NaN without masks
 */
public record EvaluationReport(String dataSet, int images, int good, int defective, double imageAuroc,
                               double pixelAuroc, double aupro, F1Optimum f1Optimal, double modelThreshold,
                               ConfusionCounts atModelThreshold, double msPerImage, List<ImageEvaluation> results,
                               List<SkippedFile> skipped, double regionIou) {
}
